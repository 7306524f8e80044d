"""sitrep's Kafka events read and written by Confluent's own Python client
(confluent-kafka: Consumer, SchemaRegistryClient, AvroDeserializer,
AvroSerializer), which shares no code with sitrep. Used by
tests/integration/0012-registry-real.sh.

    registry_check.py consume BROKERS TOPIC REGISTRY SCHEMA DECODED [READER]
        Reads TOPIC from the beginning with AvroDeserializer (the writer
        schema fetched from REGISTRY by the id in each message) and
        compares every record, field by field, with DECODED, the
        `sitrep decode -k` lines of the same topic, matched by key. With
        READER (a schema file) records are read with that reader schema:
        the v2 schema, whose new field must take its default "und".
    registry_check.py produce BROKERS TOPIC REGISTRY SCHEMA DECODED LANG
        Writes every record of DECODED to TOPIC with AvroSerializer and
        SCHEMA (registered under TOPIC-value), the new v2 field set to
        LANG: events of a newer schema version for `sitrep decode`.

Exit status 0 when everything matches; otherwise the first mismatch is
printed on stderr and the status is 1.
"""
import datetime
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from avro_check import Comparer, Mismatch  # noqa: E402

from confluent_kafka import Consumer, KafkaError, Producer, TopicPartition  # noqa: E402
from confluent_kafka.schema_registry import SchemaRegistryClient  # noqa: E402
from confluent_kafka.schema_registry.avro import (AvroDeserializer,  # noqa: E402
                                                  AvroSerializer)
from confluent_kafka.serialization import (MessageField,  # noqa: E402
                                           SerializationContext)


def load_decoded(path):
    """{key: value} from `sitrep decode -k` lines."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                if d["key"] in out:
                    raise Mismatch("key %s twice in %s" % (d["key"], path))
                out[d["key"]] = d["value"]
    if not out:
        raise Mismatch("%s holds no events" % path)
    return out


def consume_all(brokers, topic, timeout_s=60):
    """Every message of topic, from the beginning of each partition."""
    c = Consumer({"bootstrap.servers": brokers,
                  "group.id": "registry-check-%d" % os.getpid(),
                  "enable.auto.commit": False,
                  "enable.partition.eof": True})
    md = c.list_topics(topic, timeout=timeout_s)
    parts = sorted(md.topics[topic].partitions)
    if not parts:
        raise Mismatch("topic %s has no partitions" % topic)
    c.assign([TopicPartition(topic, p, 0) for p in parts])
    at_eof, msgs = set(), []
    deadline = datetime.datetime.now() + datetime.timedelta(seconds=timeout_s)
    while len(at_eof) < len(parts):
        if datetime.datetime.now() > deadline:
            raise Mismatch("topic %s: no end of partitions in %d s" %
                           (topic, timeout_s))
        m = c.poll(0.5)
        if m is None:
            continue
        if m.error():
            if m.error().code() == KafkaError._PARTITION_EOF:
                at_eof.add(m.partition())
                continue
            raise Mismatch("consumer: %s" % m.error())
        at_eof.discard(m.partition())
        msgs.append(m)
    c.close()
    return msgs


def consume(brokers, topic, registry, schema_path, decoded_path,
            reader_path=None):
    expected = load_decoded(decoded_path)
    with open(schema_path, encoding="utf-8") as f:
        comparer = Comparer(json.load(f), wrapped=False)
    reader_str = None
    if reader_path:
        with open(reader_path, encoding="utf-8") as f:
            reader_str = f.read()
    client = SchemaRegistryClient({"url": registry})
    deser = AvroDeserializer(client, reader_str)
    ctx = SerializationContext(topic, MessageField.VALUE)
    extra = {"language": "und"} if reader_path else None
    seen = set()
    for m in consume_all(brokers, topic):
        key = m.key().decode("utf-8") if m.key() is not None else None
        value = deser(m.value(), ctx)
        if key not in expected:
            raise Mismatch("key %s is not in sitrep decode's output" % key)
        if key in seen:
            raise Mismatch("key %s twice in the topic" % key)
        seen.add(key)
        try:
            comparer.check_top(value, expected[key], extra)
        except Mismatch as e:
            raise Mismatch("key %s: %s" % (key, e))
    if seen != set(expected):
        raise Mismatch("%d events in the topic, %d decoded by sitrep" %
                       (len(seen), len(expected)))
    print("consume: %d events match sitrep decode" % len(seen))


def to_avro(v):
    """sitrep's JSON record -> the Python value AvroSerializer takes."""
    t = v.get("time")
    if t and t.get("date"):
        t = dict(t, date=datetime.date.fromisoformat(t["date"]))
        v = dict(v, time=t)
    return v


def produce(brokers, topic, registry, schema_path, decoded_path, lang):
    expected = load_decoded(decoded_path)
    with open(schema_path, encoding="utf-8") as f:
        schema_str = f.read()
    client = SchemaRegistryClient({"url": registry})
    ser = AvroSerializer(client, schema_str)
    ctx = SerializationContext(topic, MessageField.VALUE)
    p = Producer({"bootstrap.servers": brokers})
    for key, value in sorted(expected.items()):
        p.produce(topic, key=key.encode("utf-8"),
                  value=ser(dict(to_avro(value), language=lang), ctx))
    if p.flush(30) != 0:
        raise Mismatch("producer: messages left after 30 s")
    print("produce: %d events with %s" % (len(expected), schema_path))


def main(argv):
    mode = argv[1]
    if mode == "consume":
        consume(*argv[2:8])
    elif mode == "produce":
        produce(*argv[2:8])
    else:
        raise SystemExit("unknown mode " + mode)


if __name__ == "__main__":
    try:
        main(sys.argv)
    except Mismatch as e:
        print("mismatch: %s" % e, file=sys.stderr)
        sys.exit(1)
