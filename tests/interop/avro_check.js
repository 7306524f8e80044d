// Reads sitrep's Avro output with the avsc package (Node) and prints each
// record as one JSON line (64-bit longs as strings, so no precision is
// lost), for tests/interop/avro_check.py to compare with sitrep's JSON.
// Used by tests/integration/0010-avro-interop.sh.
//
//   node avro_check.js MODE FILE SCHEMA [V2_SCHEMA]
//
// MODE:
//   ocf        FILE is an object container file; its header must carry the
//              schema text verbatim
//   frames     FILE holds concatenated single-object frames; the CRC-64-AVRO
//              fingerprint of avsc's canonical schema, computed here, must
//              be each frame's
//   v1-to-v2   the OCF read with the v2 schema as reader (schema resolution)
//   v2-to-v1   the OCF's records written with v2 (language "fr") and read
//              back with the v1 schema through a resolver
'use strict';

const fs = require('fs');
const avro = require('avsc');

const [mode, file, schemaPath, v2Path] = process.argv.slice(2);

// Avro longs are 64-bit; JS numbers are not. The avsc README's BigInt type.
const longType = avro.types.LongType.__with({
  fromBuffer: (buf) => buf.readBigInt64LE(),
  toBuffer: (n) => {
    const buf = Buffer.alloc(8);
    buf.writeBigInt64LE(BigInt(n));
    return buf;
  },
  fromJSON: BigInt,
  toJSON: Number,
  isValid: (n) => typeof n === 'bigint',
  compare: (a, b) => (a === b ? 0 : a < b ? -1 : 1),
});

function parse(schema) {
  return avro.Type.forSchema(schema, {registry: {long: longType}});
}

// CRC-64-AVRO as the specification gives it ("Schema Fingerprints").
const EMPTY = 0xc15d213aa4d7a795n;
const MASK = (1n << 64n) - 1n;
const TABLE = [];
for (let i = 0; i < 256; i++) {
  let fp = BigInt(i);
  for (let j = 0; j < 8; j++) {
    fp = (fp >> 1n) ^ (EMPTY & -(fp & 1n));
  }
  TABLE.push(fp & MASK);
}

function fingerprint64(text) {
  let fp = EMPTY;
  for (const b of Buffer.from(text, 'utf8')) {
    fp = (fp >> 8n) ^ TABLE[Number((fp ^ BigInt(b)) & 0xffn)];
  }
  const out = Buffer.alloc(8);
  out.writeBigUInt64LE(fp & MASK);
  return out;
}

function die(msg) {
  process.stderr.write('avro_check.js: ' + msg + '\n');
  process.exit(1);
}

function print(rec) {
  process.stdout.write(JSON.stringify(rec, (k, v) =>
    (typeof v === 'bigint' ? v.toString() : v)) + '\n');
}

// The implementation must give the specification's own value first.
if (fingerprint64('"null"').readBigInt64LE() !== 7195948357588979594n) {
  die('CRC-64-AVRO self-check failed');
}

const schemaText = fs.readFileSync(schemaPath, 'utf8');
const v1 = parse(JSON.parse(schemaText));

function readOcf(path, opts, onRecord, onEnd) {
  avro.createFileDecoder(path, Object.assign({parseHook: parse}, opts))
    .on('metadata', (type, codec, header) => {
      if (header.meta['avro.schema'].toString('utf8') !== schemaText) {
        die('header schema is not the original text');
      }
    })
    .on('data', onRecord)
    .on('error', (e) => die(e.message))
    .on('end', onEnd || (() => {}));
}

if (mode === 'ocf') {
  readOcf(file, {}, print);
} else if (mode === 'frames') {
  const want = fingerprint64(JSON.stringify(v1.schema()));
  const data = fs.readFileSync(file);
  let pos = 0;
  while (pos < data.length) {
    if (data[pos] !== 0xc3 || data[pos + 1] !== 0x01) {
      die('frame at byte ' + pos + ': bad header');
    }
    const fp = data.subarray(pos + 2, pos + 10);
    if (!fp.equals(want)) {
      die('fingerprint ' + fp.toString('hex') + ', avsc computes ' +
          want.toString('hex'));
    }
    const res = v1.decode(data, pos + 10);
    if (res.offset < 0) {
      die('truncated frame at byte ' + pos);
    }
    print(res.value);
    pos = res.offset;
  }
} else if (mode === 'v1-to-v2' || mode === 'v2-to-v1') {
  const v2 = parse(JSON.parse(fs.readFileSync(v2Path, 'utf8')));
  if (mode === 'v1-to-v2') {
    readOcf(file, {readerSchema: v2}, print);
  } else {
    const resolver = v1.createResolver(v2);
    readOcf(file, {}, (rec) => {
      const buf = v2.toBuffer(Object.assign({}, rec, {language: 'fr'}));
      print(v1.fromBuffer(buf, resolver));
    });
  }
} else {
  die('unknown mode ' + mode);
}
