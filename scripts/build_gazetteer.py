#!/usr/bin/env python3
"""Builds assets/gazetteer.json from the PyPI package `vietnam-provinces`.

Why a script and not a run-time dependency: the app is a single Rust binary; the GSO list is
data, so it is converted once, committed, and compiled in with `include_str!`.

Sources (both downloaded with pip, nothing else is fetched):
  * vietnam-provinces==0.6.0   -> the 63 provinces and 696 district-level units before the
                                  July 2025 reform (GSO codes, `data/nested-divisions.json`);
  * vietnam-provinces==2025.10.1 -> the 34 provinces and 3,321 communes/wards/special zones
                                  after the reform;
  * vietnam-provinces==0.4.0, 0.2.1 (optional, earlier GSO lists) -> the district-level units
                                  merged or renamed before 2025, marked "former" with the code
                                  of the unit holding most of their communes now ("now").

The 2025 province of an old province is derived from the data, not typed: GSO kept the code of
one commune for each new commune, and every commune code of a 2025 province that also exists in
the 2024 list belongs to exactly one old province (checked below: the script fails otherwise).

Usage:
    pip download vietnam-provinces==0.6.0 --no-deps -d /tmp/vp
    pip download vietnam-provinces==2025.10.1 --no-deps -d /tmp/vp
    pip download vietnam-provinces==0.4.0 --no-deps -d /tmp/vp
    pip download vietnam-provinces==0.2.1 --no-deps -d /tmp/vp
    python3 scripts/build_gazetteer.py /tmp/vp/vietnam_provinces-0.6.0-py3-none-any.whl \
        /tmp/vp/vietnam_provinces-2025.10.1-py3-none-any.whl \
        /tmp/vp/vietnam_provinces-0.4.0-py3-none-any.whl \
        /tmp/vp/vietnam_provinces-0.2.1-py3-none-any.whl > assets/gazetteer.json
"""

import collections
import json
import sys
import unicodedata
import zipfile

OLD_VERSION = "0.6.0"
NEW_VERSION = "2025.10.1"

# The administrative word in front of a unit's name, longest first ("thành phố" before "phố").
PREFIXES = ["thành phố", "thị xã", "thị trấn", "đặc khu", "huyện", "quận", "tỉnh", "phường", "xã"]


def nested(wheel):
    with zipfile.ZipFile(wheel) as z:
        return json.loads(z.read("vietnam_provinces/data/nested-divisions.json"))


def split_name(full, division_type=None):
    """'Quận Ba Đình' -> ('quận', 'Ba Đình'); 'Quận 1' -> ('quận', '1'). The 2025 list writes
    provinces without their prefix ('Cao Bằng'): the division type gives it then."""
    full = unicodedata.normalize("NFC", full.strip())
    low = full.lower()
    for p in PREFIXES:
        if low.startswith(p + " "):
            return p, full[len(p) + 1 :].strip()
    if division_type in ("tỉnh", "thành phố trung ương"):
        return ("tỉnh" if division_type == "tỉnh" else "thành phố"), full
    raise SystemExit(f"no known prefix in {full!r}")


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    old = nested(sys.argv[1])
    new = nested(sys.argv[2])
    # Older releases of the package: district-level units merged or renamed before 2025 that
    # articles of their time still name (`huyện Đất Đỏ`, merged into `Long Đất` in 2025).
    earlier = [nested(w) for w in sys.argv[3:]]

    ward_to_old_province = {}
    for p in old:
        for d in p["districts"]:
            for w in d["wards"]:
                ward_to_old_province[w["code"]] = p["code"]

    votes = collections.defaultdict(collections.Counter)
    for np in new:
        for w in np["wards"]:
            op = ward_to_old_province.get(w["code"])
            if op is not None:
                votes[op][np["code"]] += 1
    old_to_new = {}
    for p in old:
        c = votes.get(p["code"])
        if not c or len(c) != 1:
            raise SystemExit(f"{p['name']}: not exactly one 2025 province: {c}")
        old_to_new[p["code"]] = next(iter(c))

    provinces = []
    districts = []
    for p in old:
        prefix, name = split_name(p["name"])
        provinces.append(
            {"code": p["code"], "name": name, "prefix": prefix, "province_2025": old_to_new[p["code"]]}
        )
        for d in p["districts"]:
            dprefix, dname = split_name(d["name"])
            districts.append({"code": d["code"], "name": dname, "prefix": dprefix, "province": p["code"]})

    # Former units: a code absent from the current list, or present under another name.
    current = {d["code"]: d for d in districts}
    ward_to_district = {w["code"]: d["code"] for p in old for d in p["districts"] for w in d["wards"]}
    seen = set()
    for release in earlier:
        for p in release:
            for d in p["districts"]:
                dprefix, dname = split_name(d["name"])
                cur = current.get(d["code"])
                if cur is not None and cur["name"] == dname:
                    continue
                if (d["code"], dname) in seen:
                    continue
                seen.add((d["code"], dname))
                # Where its communes are now: the current unit holding most of them.
                now = collections.Counter(
                    ward_to_district[w["code"]] for w in d["wards"] if w["code"] in ward_to_district
                )
                entry = {"code": d["code"], "name": dname, "prefix": dprefix, "province": p["code"], "former": True}
                if now:
                    entry["now"] = now.most_common(1)[0][0]
                districts.append(entry)

    provinces_2025 = []
    units_2025 = []
    for np in new:
        prefix, name = split_name(np["name"], np.get("division_type"))
        provinces_2025.append({"code": np["code"], "name": name, "prefix": prefix})
        for w in np["wards"]:
            wprefix, wname = split_name(w["name"])
            units_2025.append({"code": w["code"], "name": wname, "prefix": wprefix, "province": np["code"]})

    if len(provinces) != 63 or len(provinces_2025) != 34:
        raise SystemExit(f"unexpected counts: {len(provinces)} / {len(provinces_2025)}")

    out = {
        "source": {
            "package": "vietnam-provinces (PyPI), data/nested-divisions.json",
            "before_2025": OLD_VERSION,
            "after_2025": NEW_VERSION,
            "list": "General Statistics Office of Viet Nam (Tổng cục Thống kê) administrative units",
            "built_by": "scripts/build_gazetteer.py",
        },
        "provinces": provinces,
        "districts": districts,
        "provinces_2025": provinces_2025,
        "units_2025": units_2025,
    }
    # One unit per line: readable diffs, small file.
    sys.stdout.write("{\n")
    sys.stdout.write(f'"source": {json.dumps(out["source"], ensure_ascii=False)},\n')
    keys = ["provinces", "districts", "provinces_2025", "units_2025"]
    for k_i, k in enumerate(keys):
        sys.stdout.write(f'"{k}": [\n')
        rows = out[k]
        for i, r in enumerate(rows):
            sep = "," if i + 1 < len(rows) else ""
            sys.stdout.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + sep + "\n")
        sys.stdout.write("]" + ("," if k_i + 1 < len(keys) else "") + "\n")
    sys.stdout.write("}\n")


if __name__ == "__main__":
    main()
