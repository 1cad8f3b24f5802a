"""Builds JSTILT's base-map resource from Natural Earth 1:50m GeoJSON (public domain).

Usage: python3 make_basemap.py NE_DIR OUT.geojson DECIMALS
NE_DIR holds ne_50m_coastline.json, ne_50m_admin_0_boundary_lines_land.json,
ne_50m_admin_1_states_provinces_lines.json and ne_50m_lakes.json (GeoJSON, as ogr2ogr writes them).
Output: one FeatureCollection of LineStrings with a single property "kind"
(coastline, border, state, lake); coordinates rounded, repeated points dropped.
"""
import json, sys, os

ne, out, decimals = sys.argv[1], sys.argv[2], int(sys.argv[3])

def lines(geom):
    t, c = geom["type"], geom["coordinates"]
    if t == "LineString":
        return [c]
    if t == "MultiLineString":
        return c
    if t == "Polygon":
        return c
    if t == "MultiPolygon":
        return [ring for poly in c for ring in poly]
    raise ValueError(t)

def rounded(line):
    pts = []
    for x, y in line:
        p = [round(x, decimals), round(y, decimals)]
        if not pts or pts[-1] != p:
            pts.append(p)
    return pts if len(pts) >= 2 else None

def load(name):
    with open(os.path.join(ne, name)) as f:
        return json.load(f)["features"]

layers = [
    ("coastline", "ne_50m_coastline.json", lambda p: True),
    ("border", "ne_50m_admin_0_boundary_lines_land.json", lambda p: True),
    ("state", "ne_50m_admin_1_states_provinces_lines.json", lambda p: True),
    # Only the large lakes (Great Lakes, Great Salt Lake, ...): scalerank 0-1 of Natural Earth's 0-10.
    ("lake", "ne_50m_lakes.json", lambda p: (p.get("scalerank") if p.get("scalerank") is not None else 99) <= 1),
]
features = []
for kind, name, keep in layers:
    for f in load(name):
        props = {k.lower(): v for k, v in (f.get("properties") or {}).items()}
        if f.get("geometry") is None or not keep(props):
            continue
        for line in lines(f["geometry"]):
            r = rounded(line)
            if r:
                features.append({"type": "Feature", "properties": {"kind": kind},
                                 "geometry": {"type": "LineString", "coordinates": r}})
doc = {"type": "FeatureCollection", "name": "jstilt_basemap_50m", "features": features}
with open(out, "w") as f:
    json.dump(doc, f, separators=(",", ":"))
    f.write("\n")
print(out, len(features), "lines", os.path.getsize(out), "bytes")
