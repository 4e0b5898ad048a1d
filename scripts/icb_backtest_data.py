#!/usr/bin/env python3
"""Build the trimmed data extract that `detente backtest` ships in
src/main/resources/data/icb/ from the International Crisis Behavior (ICB) v14 and Correlates of
War (COW) files (see that folder's PROVENANCE.md for the sources, versions and citations).

Usage: python3 scripts/icb_backtest_data.py ICB_DIR COW_DIR GEONAMES_PLACES_CSV_GZ OUT_DIR

  ICB_DIR   folder with icb1v14.csv and icb2v14.csv (the official v14 CSV release)
  COW_DIR   folder with NMC-60-abridged.csv, ps_cow_states.csv, ps_cow_majors.csv,
            ps_atop_alliance.csv, ps_td_rivalries.csv (COW NMC v6.0; peacesciencer extracts)
  GEONAMES_PLACES_CSV_GZ  src/main/resources/data/geonames/geonames_places_pop1000.csv.gz
  OUT_DIR   src/main/resources/data/icb

Writes (UTF-8, comma-separated, one header line, rows sorted):
  icb_crises.csv   system level, one row per crisis: crisno,crisname,yrtrig,motrig,datrig,
                   trigent,geog,gpinv (inputs) and viol,forout,brexit (ICB's coding of the
                   outcome, read only for scoring)
  icb_actors.csv   actor level, one row per crisis actor: crisno,cracno,cracid,actor,yrtrig,
                   motrig,datrig,triggr,trigent,cractloc,nuclear (inputs) and outcom (scoring)
  states.csv       ccode,stateabb,statenme,iso2,capital,lat,lon for every state named in the
                   ICB files: COW name, ISO 3166 alpha-2 of today's successor, capital from
                   the GeoNames PPLC place of that country (overrides below for divided states)
  nmc.csv          ccode,year,milex,milper,tpop,cinc of those states, 1915-2016 (COW NMC 6.0)
  atop.csv         ccode1,ccode2,year,defense,offense,neutral,nonagg,consul: ATOP v5 dyad-years
                   of two states that take part in one crisis, in its trigger year
  rivalries.csv    the Thompson & Dreyer (2012) strategic rivalries, as in peacesciencer
  majors.csv       COW major powers with their years
Values are copied unchanged (empty = missing); nothing is imputed here.
"""
import csv
import gzip
import io
import os
import sys

# COW state code -> ISO 3166-1 alpha-2 of the state or its present-day successor.
ISO2 = {
    2: 'US', 20: 'CA', 31: 'BS', 40: 'CU', 41: 'HT', 42: 'DO', 51: 'JM', 52: 'TT', 53: 'BB',
    55: 'GD', 70: 'MX', 80: 'BZ', 90: 'GT', 91: 'HN', 92: 'SV', 93: 'NI', 94: 'CR', 95: 'PA',
    100: 'CO', 101: 'VE', 110: 'GY', 115: 'SR', 130: 'EC', 135: 'PE', 140: 'BR', 145: 'BO',
    150: 'PY', 155: 'CL', 160: 'AR', 165: 'UY', 200: 'GB', 205: 'IE', 210: 'NL', 211: 'BE',
    212: 'LU', 220: 'FR', 225: 'CH', 230: 'ES', 235: 'PT', 255: 'DE', 260: 'DE', 265: 'DE',
    290: 'PL', 300: 'AT', 305: 'AT', 310: 'HU', 315: 'CZ', 316: 'CZ', 317: 'SK', 325: 'IT',
    338: 'MT', 339: 'AL', 341: 'ME', 343: 'MK', 344: 'HR', 345: 'RS', 346: 'BA', 347: 'XK',
    349: 'SI', 350: 'GR', 352: 'CY', 355: 'BG', 359: 'MD', 360: 'RO', 365: 'RU', 366: 'EE',
    367: 'LV', 368: 'LT', 369: 'UA', 370: 'BY', 371: 'AM', 372: 'GE', 373: 'AZ', 375: 'FI',
    380: 'SE', 385: 'NO', 390: 'DK', 395: 'IS', 420: 'GM', 432: 'ML', 433: 'SN', 434: 'BJ',
    435: 'MR', 436: 'NE', 437: 'CI', 438: 'GN', 439: 'BF', 450: 'LR', 451: 'SL', 452: 'GH',
    461: 'TG', 471: 'CM', 475: 'NG', 481: 'GA', 482: 'CF', 483: 'TD', 484: 'CG', 490: 'CD',
    500: 'UG', 501: 'KE', 510: 'TZ', 516: 'BI', 517: 'RW', 520: 'SO', 522: 'DJ', 530: 'ET',
    531: 'ER', 540: 'AO', 541: 'MZ', 551: 'ZM', 552: 'ZW', 553: 'MW', 560: 'ZA', 565: 'NA',
    570: 'LS', 571: 'BW', 572: 'SZ', 580: 'MG', 600: 'MA', 615: 'DZ', 616: 'TN', 620: 'LY',
    625: 'SD', 626: 'SS', 630: 'IR', 640: 'TR', 645: 'IQ', 651: 'EG', 652: 'SY', 660: 'LB',
    663: 'JO', 666: 'IL', 670: 'SA', 678: 'YE', 679: 'YE', 680: 'YE', 690: 'KW', 692: 'BH',
    694: 'QA', 696: 'AE', 698: 'OM', 700: 'AF', 701: 'TM', 702: 'TJ', 703: 'KG', 704: 'UZ',
    705: 'KZ', 710: 'CN', 712: 'MN', 713: 'TW', 731: 'KP', 732: 'KR', 740: 'JP', 750: 'IN',
    760: 'BT', 770: 'PK', 771: 'BD', 775: 'MM', 780: 'LK', 790: 'NP', 800: 'TH', 811: 'KH',
    812: 'LA', 816: 'VN', 817: 'VN', 820: 'MY', 830: 'SG', 840: 'PH', 850: 'ID', 860: 'TL',
    900: 'AU', 910: 'PG', 920: 'NZ', 940: 'SB', 950: 'FJ',
}

# Divided or former states whose capital is not today's capital of the successor.
CAPITAL_OVERRIDE = {
    260: ('Bonn', 50.73438, 7.09549),        # GeoNames 2946447
    678: ('Sanaa', 15.35472, 44.20667),      # GeoNames 71137
    680: ('Aden', 12.77944, 45.03667),       # GeoNames 415189
    817: ('Ho Chi Minh City', 10.82302, 106.62965),  # GeoNames 1566083 (Saigon)
    816: ('Hanoi', 21.02450, 105.84117),     # GeoNames 1581130
    666: ('Jerusalem', 31.76904, 35.21633),  # seat of government; GeoNames has no PPLC for IL
}


def read(path):
    with open(path, encoding='utf-8-sig', newline='') as f:
        return list(csv.DictReader(f))


def write(path, header, rows):
    with open(path, 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(header)
        w.writerows(rows)


def num(s):
    return int(s) if s not in ('', None) else None


def main(icb_dir, cow_dir, places, out):
    icb1 = read(os.path.join(icb_dir, 'icb1v14.csv'))
    icb2 = read(os.path.join(icb_dir, 'icb2v14.csv'))
    crises = sorted(icb1, key=lambda r: int(r['crisno']))
    write(os.path.join(out, 'icb_crises.csv'),
          ['crisno', 'crisname', 'yrtrig', 'motrig', 'datrig', 'trigent', 'geog', 'gpinv',
           'viol', 'forout', 'brexit'],
          [[r[k] for k in ('crisno', 'crisname', 'yrtrig', 'motrig', 'datrig', 'trigent',
                           'geog', 'gpinv', 'viol', 'forout', 'brexit')] for r in crises])
    actors = sorted(icb2, key=lambda r: (int(r['crisno']), int(r['cracno'])))
    write(os.path.join(out, 'icb_actors.csv'),
          ['crisno', 'cracno', 'cracid', 'actor', 'yrtrig', 'motrig', 'datrig', 'triggr',
           'trigent', 'cractloc', 'nuclear', 'outcom'],
          [[r[k] for k in ('crisno', 'cracno', 'cracid', 'actor', 'yrtrig', 'motrig', 'datrig',
                           'triggr', 'trigent', 'cractloc', 'nuclear', 'outcom')]
           for r in actors])

    # states named in the ICB files (crisis actors and triggering states)
    codes = set()
    for r in icb2:
        codes.add(int(r['cracid']))
        if r['trigent']:
            codes.add(int(r['trigent']))
    cow_states = {}
    for r in read(os.path.join(cow_dir, 'ps_cow_states.csv')):
        cow_states.setdefault(int(r['ccode']), r)
    capitals = {}
    with gzip.open(places, 'rt', encoding='utf-8') as f:
        for r in csv.DictReader(f):
            if r['feature_code'] == 'PPLC':
                capitals.setdefault(r['country_iso2'], (r['name'], float(r['lat']), float(r['lon'])))
    rows = []
    for c in sorted(codes):
        if c not in cow_states:
            continue  # non-state codes (996, 997) and codes outside the COW list
        iso = ISO2[c]
        name, lat, lon = CAPITAL_OVERRIDE.get(c) or capitals[iso]
        s = cow_states[c]
        rows.append([c, s['stateabb'], s['statenme'], iso, name, f'{lat:.4f}', f'{lon:.4f}'])
    write(os.path.join(out, 'states.csv'),
          ['ccode', 'stateabb', 'statenme', 'iso2', 'capital', 'lat', 'lon'], rows)
    known = {r[0] for r in rows}

    nmc = [r for r in read(os.path.join(cow_dir, 'NMC-60-abridged.csv'))
           if int(r['ccode']) in known and 1915 <= int(r['year']) <= 2016]
    nmc.sort(key=lambda r: (int(r['ccode']), int(r['year'])))
    write(os.path.join(out, 'nmc.csv'), ['ccode', 'year', 'milex', 'milper', 'tpop', 'cinc'],
          [[r[k] for k in ('ccode', 'year', 'milex', 'milper', 'tpop', 'cinc')] for r in nmc])

    # dyads of one crisis (actors and triggering states), in its trigger year
    wanted = set()
    by_crisis = {}
    for r in icb2:
        k = int(r['crisno'])
        year = num(r['systrgyr']) or num(r['yrtrig'])
        e = by_crisis.setdefault(k, [year, set()])
        e[1].add(int(r['cracid']))
        if r['trigent'] and int(r['trigent']) in known:
            e[1].add(int(r['trigent']))
    for year, members in by_crisis.values():
        if year is None:
            continue
        for a in members:
            for b in members:
                if a < b:
                    wanted.add((a, b, year))
    atop = []
    for r in read(os.path.join(cow_dir, 'ps_atop_alliance.csv')):
        a, b, y = int(r['ccode1']), int(r['ccode2']), int(r['year'])
        if (min(a, b), max(a, b), y) in wanted and a < b:
            atop.append([a, b, y, r['atop_defense'], r['atop_offense'], r['atop_neutral'],
                         r['atop_nonagg'], r['atop_consul']])
    atop.sort()
    write(os.path.join(out, 'atop.csv'),
          ['ccode1', 'ccode2', 'year', 'defense', 'offense', 'neutral', 'nonagg', 'consul'], atop)

    riv = read(os.path.join(cow_dir, 'ps_td_rivalries.csv'))
    write(os.path.join(out, 'rivalries.csv'),
          ['rivalryno', 'rivalryname', 'ccode1', 'ccode2', 'styear', 'endyear'],
          [[r[k] for k in ('rivalryno', 'rivalryname', 'ccode1', 'ccode2', 'styear', 'endyear')]
           for r in riv])
    maj = read(os.path.join(cow_dir, 'ps_cow_majors.csv'))
    write(os.path.join(out, 'majors.csv'), ['ccode', 'styear', 'endyear'],
          [[r['ccode'], r['styear'], r['endyear']] for r in maj])


if __name__ == '__main__':
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
