"""Reads sitrep's Avro output with standard Python Avro libraries and
compares every record, field by field, with sitrep's JSON of the same
incidents (contract 3.2). Used by tests/integration/0010-avro-interop.sh.

    avro_check.py SCHEMA JSONL MODE FILE [V2_SCHEMA]

MODE:
  ocf-fastavro      FILE is an object container file: read with fastavro
  ocf-avro          ... with the Apache avro package
  frames-fastavro   FILE holds concatenated single-object frames (C3 01,
                    fingerprint, body): the fingerprint is computed by
                    fastavro from the schema and compared, each body read
                    with fastavro's schemaless reader
  frames-avro       ... fingerprint and bodies with the Apache avro package
  confluent-fastavro FILE holds Confluent wire-format frames (00, schema id
                    4 bytes big-endian, body), the id given as the last
                    argument: read as a Confluent deserializer does
  lines-wrapped     FILE holds one Avro JSON-encoded record per line (unions
                    as {"type": value}, dates as ints), e.g. avrocat output
  lines-plain       FILE holds one record per line with plain unions and
                    longs possibly as strings (the Node avsc reader's output)
  lines-plain-v2    the same, records read with the v2 schema: each must
                    carry language == "und" (the v2 default)
  evolve-fastavro   schema evolution with fastavro, FILE an OCF written with
                    SCHEMA (v1) and V2_SCHEMA adding a field with a default
  evolve-avro       ... with the Apache avro package

Exit status 0 when everything matches; otherwise the first mismatches are
printed on stderr and the status is 1.
"""
import datetime
import io
import json
import struct
import sys

PRIMITIVES = {"null", "boolean", "int", "long", "float", "double", "bytes",
              "string"}
EPOCH = datetime.date(1970, 1, 1)
# sitrep's JSON rounds these doubles to a fixed number of decimals.
JSON_DECIMALS = {"lat": 6, "lon": 6, "confidence": 3}


class Mismatch(Exception):
    pass


class Comparer:
    """Walks a schema, an Avro-decoded value and sitrep's JSON together."""

    def __init__(self, schema, wrapped):
        self.names = {}
        self.wrapped = wrapped
        self._collect(schema, None)
        self.schema = schema

    def _collect(self, s, ns):
        if isinstance(s, list):
            for b in s:
                self._collect(b, ns)
        elif isinstance(s, dict):
            t = s["type"]
            if t in ("record", "enum", "fixed"):
                name = s["name"]
                if "." in name:
                    full, ns = name, name.rsplit(".", 1)[0]
                else:
                    ns = s.get("namespace", ns)
                    full = ns + "." + name if ns else name
                self.names[full] = s
                self.names.setdefault(full.rsplit(".", 1)[-1], s)
                s["_fullname"] = full
                if t == "record":
                    for f in s["fields"]:
                        self._collect(f["type"], ns)
            elif t == "array":
                self._collect(s["items"], ns)
            elif isinstance(t, (dict, list)):
                self._collect(t, ns)

    def _resolve(self, s):
        while isinstance(s, str) and s not in PRIMITIVES:
            s = self.names.get(s) or self.names[s.rsplit(".", 1)[-1]]
        return s

    def _branch_name(self, b):
        b = self._resolve(b)
        if isinstance(b, str):
            return b
        if "_fullname" in b:
            return b["_fullname"]
        return b["type"] if isinstance(b["type"], str) else None

    @staticmethod
    def fail(path, what):
        raise Mismatch("%s: %s" % (path or "(record)", what))

    def check(self, s, v, j, path=""):
        s = self._resolve(s)
        if isinstance(s, list):
            return self._union(s, v, j, path)
        if isinstance(s, dict):
            t = s["type"]
            if s.get("logicalType") == "date":
                return self._date(v, j, path)
            if t == "record":
                return self._record(s, v, j, path)
            if t == "enum":
                if v not in s["symbols"] or v != j:
                    self.fail(path, "enum %r != %r" % (v, j))
                return None
            if t == "array":
                if not isinstance(v, list) or not isinstance(j, list) or \
                        len(v) != len(j):
                    self.fail(path, "array lengths differ")
                for i, (x, y) in enumerate(zip(v, j)):
                    self.check(s["items"], x, y, "%s[%d]" % (path, i))
                return None
            return self.check(t, v, j, path)
        return self._primitive(s, v, j, path)

    def _union(self, s, v, j, path):
        if self.wrapped and v is not None:
            if not isinstance(v, dict) or len(v) != 1:
                self.fail(path, "wrapped union expected, got %r" % (v,))
            (key, inner), = v.items()
            for b in s:
                name = self._branch_name(b)
                if name == key or (name or "").rsplit(".", 1)[-1] == key:
                    return self.check(b, inner, j, path)
            self.fail(path, "no union branch %r" % key)
        if v is None or j is None:
            if v is not None or j is not None:
                self.fail(path, "null vs value: %r / %r" % (v, j))
            return None
        branches = [b for b in s if b != "null"]
        if len(branches) != 1:
            self.fail(path, "only [null, X] unions are expected")
        return self.check(branches[0], v, j, path)

    def _date(self, v, j, path):
        if isinstance(v, datetime.date):
            iso = v.isoformat()
        elif isinstance(v, (int, str)) and not isinstance(v, bool):
            iso = (EPOCH + datetime.timedelta(days=int(v))).isoformat()
        else:
            self.fail(path, "date of type %s" % type(v).__name__)
        if iso != j:
            self.fail(path, "date %s != %r" % (iso, j))

    def _record(self, s, v, j, path, extra=None):
        names = [f["name"] for f in s["fields"]]
        if not isinstance(v, dict) or not isinstance(j, dict):
            self.fail(path, "record expected")
        v = dict(v)
        for k, want in (extra or {}).items():
            if v.pop(k, object()) != want:
                self.fail(path, "field %s is not %r" % (k, want))
        if sorted(v) != sorted(names):
            self.fail(path, "fields %s != schema %s" % (sorted(v), names))
        if sorted(j) != sorted(names):
            self.fail(path, "JSON keys %s != schema %s" % (sorted(j), names))
        for f in s["fields"]:
            self.check(f["type"], v[f["name"]], j[f["name"]],
                       (path + "." if path else "") + f["name"])

    def check_top(self, v, j, extra=None):
        self._record(self._resolve(self.schema), v, j, "", extra)

    def _primitive(self, t, v, j, path):
        if t == "null":
            ok = v is None and j is None
        elif t == "string":
            ok = isinstance(v, str) and v == j
        elif t in ("int", "long"):
            ok = (isinstance(v, (int, str)) and not isinstance(v, bool) and
                  isinstance(j, int) and int(v) == j)
        elif t == "double":
            last = path.rsplit(".", 1)[-1]
            dec = JSON_DECIMALS.get(last)
            if dec is None or not isinstance(j, (int, float)):
                self.fail(path, "unexpected double")
            v = float(v)
            tol = 0.5 * 10 ** -dec * (1 + 1e-9) + abs(v) * 1e-15
            ok = abs(v - j) <= tol
        else:
            self.fail(path, "type %s not expected in this schema" % t)
        if not ok:
            self.fail(path, "%r != %r" % (v, j))


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def compare_all(comparer, records, expected, extra=None, label=""):
    records = list(records)
    if len(records) != len(expected):
        raise Mismatch("%s: %d records, %d JSON lines" %
                       (label, len(records), len(expected)))
    if not records:
        raise Mismatch("%s: no records at all" % label)
    for i, (rec, want) in enumerate(zip(records, expected)):
        try:
            comparer.check_top(rec, want, extra)
        except Mismatch as e:
            raise Mismatch("%s record %d: %s" % (label, i, e))
    return len(records)


def read_frames(data):
    """Yields (fingerprint bytes, offset of the body) and lets the caller
    consume the body from a stream positioned there."""
    stream = io.BytesIO(data)
    while stream.tell() < len(data):
        head = stream.read(10)
        if len(head) != 10 or head[:2] != b"\xc3\x01":
            raise Mismatch("frame at byte %d: bad header %r" %
                           (stream.tell() - len(head), head[:2]))
        yield head[2:], stream


def dates_are_logical(records):
    """fastavro and avro turn a "date" into datetime.date only when the
    header kept logicalType: proof the schema text was not rewritten."""
    dates = [r["time"]["date"] for r in records if r["time"]["date"]]
    return bool(dates) and all(isinstance(d, datetime.date) for d in dates)


def main(argv):
    schema_path, jsonl_path, mode, path = argv[1:5]
    v2_path = argv[5] if len(argv) > 5 else None
    with open(schema_path, encoding="utf-8") as f:
        schema_text = f.read()
    expected = load_jsonl(jsonl_path)
    schema = json.loads(schema_text)
    plain = Comparer(json.loads(schema_text), wrapped=False)

    if mode == "ocf-fastavro":
        import fastavro
        with open(path, "rb") as f:
            reader = fastavro.reader(f)
            if reader.metadata.get("avro.schema") != schema_text:
                raise Mismatch("header schema is not the original text")
            records = list(reader)
        if not dates_are_logical(records):
            raise Mismatch("dates did not come back as dates")
        n = compare_all(plain, records, expected, label=mode)
    elif mode == "ocf-avro":
        import avro.datafile
        import avro.io
        with open(path, "rb") as f:
            reader = avro.datafile.DataFileReader(f, avro.io.DatumReader())
            if reader.get_meta("avro.schema").decode() != schema_text:
                raise Mismatch("header schema is not the original text")
            records = list(reader)
            reader.close()
        if not dates_are_logical(records):
            raise Mismatch("dates did not come back as dates")
        n = compare_all(plain, records, expected, label=mode)
    elif mode == "frames-fastavro":
        import fastavro
        from fastavro.schema import (fingerprint, parse_schema,
                                     to_parsing_canonical_form)
        want = bytes.fromhex(fingerprint(to_parsing_canonical_form(schema),
                                         "CRC-64-AVRO"))
        parsed = parse_schema(schema)
        records = []
        with open(path, "rb") as f:
            for fp, stream in read_frames(f.read()):
                if fp != want:
                    raise Mismatch("fingerprint %s, fastavro computes %s" %
                                   (fp.hex(), want.hex()))
                records.append(fastavro.schemaless_reader(stream, parsed))
        n = compare_all(plain, records, expected, label=mode)
    elif mode == "confluent-fastavro":
        import fastavro
        from fastavro.schema import parse_schema
        want_id = int(argv[5])
        parsed = parse_schema(schema)
        records = []
        with open(path, "rb") as f:
            data = f.read()
        stream = io.BytesIO(data)
        while stream.tell() < len(data):
            head = stream.read(5)
            if len(head) != 5 or head[0] != 0:
                raise Mismatch("frame at byte %d: no magic byte 0" %
                               (stream.tell() - len(head)))
            if struct.unpack(">i", head[1:])[0] != want_id:
                raise Mismatch("schema id %d, expected %d" %
                               (struct.unpack(">i", head[1:])[0], want_id))
            records.append(fastavro.schemaless_reader(stream, parsed))
        n = compare_all(plain, records, expected, label=mode)
    elif mode == "frames-avro":
        import avro.io
        import avro.schema
        parsed = avro.schema.parse(schema_text)
        # avro 1.12's canonical form keeps {"type":"int"} for a logical
        # type where the specification (and Java, fastavro, avsc) strip it
        # to "int". Without the annotation the packages agree, and the
        # specification says annotations cannot change the canonical form;
        # anything else that differs still fails here.
        stripped = json.loads(schema_text, object_hook=lambda d: {
            k: v for k, v in d.items() if k != "logicalType"})
        want = avro.schema.parse(json.dumps(stripped)).fingerprint(
            "CRC-64-AVRO")
        own = parsed.canonical_form
        from fastavro.schema import to_parsing_canonical_form
        if own.replace('{"type":"int"}', '"int"') != \
                to_parsing_canonical_form(schema):
            raise Mismatch("avro's canonical form differs beyond the "
                           "logicalType case")
        reader = avro.io.DatumReader(parsed)
        records = []
        with open(path, "rb") as f:
            for fp, stream in read_frames(f.read()):
                if fp != want:
                    raise Mismatch("fingerprint %s, avro computes %s" %
                                   (fp.hex(), want.hex()))
                records.append(reader.read(avro.io.BinaryDecoder(stream)))
        n = compare_all(plain, records, expected, label=mode)
    elif mode in ("lines-wrapped", "lines-plain", "lines-plain-v2"):
        comparer = Comparer(json.loads(schema_text),
                            wrapped=mode == "lines-wrapped")
        with open(path, encoding="utf-8") as f:
            records = [json.loads(line) for line in f if line.strip()]
        extra = {"language": "und"} if mode == "lines-plain-v2" else None
        n = compare_all(comparer, records, expected, extra, label=mode)
    elif mode == "evolve-fastavro":
        n = evolve_fastavro(schema, v2_path, path, plain, expected)
    elif mode == "evolve-avro":
        n = evolve_avro(schema_text, v2_path, path, plain, expected)
    else:
        raise SystemExit("unknown mode " + mode)
    print("%s: %d records match" % (mode, n))


def evolve_fastavro(schema, v2_path, path, plain, expected):
    import fastavro
    from fastavro.schema import parse_schema
    with open(v2_path, encoding="utf-8") as f:
        v2 = parse_schema(json.load(f))
    v1 = parse_schema(schema)
    # v1 data, v2 reader: the new field takes its default.
    with open(path, "rb") as f:
        as_v2 = list(fastavro.reader(f, reader_schema=v2))
    n = compare_all(plain, as_v2, expected, {"language": "und"},
                    "v1 data, v2 reader")
    # v2 data (the new field set), v1 reader: the field is skipped.
    buf = io.BytesIO()
    fastavro.writer(buf, v2, [dict(r, language="fr") for r in as_v2])
    buf.seek(0)
    as_v1 = list(fastavro.reader(buf, reader_schema=v1))
    compare_all(plain, as_v1, expected, label="v2 data, v1 reader")
    # The same, record by record without a container.
    for rec, want in zip(as_v2, expected):
        one = io.BytesIO()
        fastavro.schemaless_writer(one, v2, dict(rec, language="fr"))
        one.seek(0)
        plain.check_top(fastavro.schemaless_reader(one, v2, v1), want)
    return n


def evolve_avro(schema_text, v2_path, path, plain, expected):
    import avro.datafile
    import avro.io
    import avro.schema
    v1 = avro.schema.parse(schema_text)
    with open(v2_path, encoding="utf-8") as f:
        v2 = avro.schema.parse(f.read())
    with open(path, "rb") as f:
        reader = avro.datafile.DataFileReader(
            f, avro.io.DatumReader(readers_schema=v2))
        as_v2 = list(reader)
        reader.close()
    n = compare_all(plain, as_v2, expected, {"language": "und"},
                    "v1 data, v2 reader")
    as_v1 = []
    writer = avro.io.DatumWriter(v2)
    reader = avro.io.DatumReader(v2, v1)
    for rec in as_v2:
        one = io.BytesIO()
        writer.write(dict(rec, language="fr"), avro.io.BinaryEncoder(one))
        one.seek(0)
        as_v1.append(reader.read(avro.io.BinaryDecoder(one)))
    compare_all(plain, as_v1, expected, label="v2 data, v1 reader")
    return n


if __name__ == "__main__":
    try:
        main(sys.argv)
    except Mismatch as e:
        print("mismatch: %s" % e, file=sys.stderr)
        sys.exit(1)
