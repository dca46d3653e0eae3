"""One member of a consumer group (confluent_kafka / librdkafka) consuming through the gateway.

Usage: /usr/bin/python3 group_consumer.py <bootstrap.servers> <group.id> <topic> <client.id>

It works as an at-least-once application does: process what a poll returned, commit, and commit
again before partitions are revoked. Prints one JSON line per event on stdout:
  {"event": "ready", "monotonicNs": ...}
  {"event": "assigned" | "revoked" | "lost", "partitions": [0, 2], "monotonicNs": ...}
  {"event": "delivery", "value": "...", "partition": 0, "offset": 41, "monotonicNs": ...}
  {"event": "abandoned", "values": [...], "reason": "UNKNOWN_MEMBER_ID: ..."}  (consumed, never committed)
  {"event": "error", "code": "_TRANSPORT", "fatal": false, "reason": "..."}
  {"event": "stopped"}
A line "stop" on stdin (or its end) makes it leave the group and exit.
"""
import json
import sys
import threading
import time

from confluent_kafka import Consumer, KafkaException

_out = threading.Lock()


def emit(event):
    with _out:
        sys.stdout.write(json.dumps(event) + "\n")
        sys.stdout.flush()


class Member:
    def __init__(self, bootstrap, group, client_id):
        self.pending = {}  # partition -> values consumed since the last commit that covered them
        self.consumer = Consumer({
            "bootstrap.servers": bootstrap,
            "group.id": group,
            "client.id": client_id,
            "enable.auto.commit": False,
            # were the synced offsets missing, the group would start over: visible as mass redelivery
            "auto.offset.reset": "earliest",
            "error_cb": self.on_error,
        })

    @staticmethod
    def on_error(err):
        emit({"event": "error", "code": err.name(), "fatal": err.fatal(), "reason": err.str()})

    def abandon(self, partitions, reason):
        values = [value for partition in partitions for value in self.pending.pop(partition, [])]
        if values:
            emit({"event": "abandoned", "values": values, "reason": reason})

    def commit(self):
        if not any(self.pending.values()):
            return
        try:
            results = self.consumer.commit(asynchronous=False)
        except KafkaException as e:
            self.abandon(list(self.pending), "%s: %s" % (e.args[0].name(), e.args[0].str()))
            return
        for result in results or []:
            if result.error is None:
                self.pending.pop(result.partition, None)
            else:
                self.abandon([result.partition], "%s: %s" % (result.error.name(), result.error.str()))
        self.abandon(list(self.pending), "not in the commit's answer")

    def on_assign(self, consumer, partitions):
        emit({"event": "assigned", "partitions": [p.partition for p in partitions], "monotonicNs": time.monotonic_ns()})

    def on_revoke(self, consumer, partitions):
        self.commit()
        emit({"event": "revoked", "partitions": [p.partition for p in partitions], "monotonicNs": time.monotonic_ns()})

    def on_lost(self, consumer, partitions):
        self.abandon([p.partition for p in partitions], "partitions lost")
        emit({"event": "lost", "partitions": [p.partition for p in partitions], "monotonicNs": time.monotonic_ns()})

    def run(self, topic, stop):
        self.consumer.subscribe([topic], on_assign=self.on_assign, on_revoke=self.on_revoke, on_lost=self.on_lost)
        emit({"event": "ready", "monotonicNs": time.monotonic_ns()})
        while not stop.is_set():
            for message in self.consumer.consume(num_messages=50, timeout=0.1):
                if message.error():
                    self.on_error(message.error())
                    continue
                emit({"event": "delivery", "value": message.value().decode(), "partition": message.partition(),
                      "offset": message.offset(), "monotonicNs": time.monotonic_ns()})
                self.pending.setdefault(message.partition(), []).append(message.value().decode())
            self.commit()
        self.consumer.close()
        emit({"event": "stopped"})


def main():
    bootstrap, group, topic, client_id = sys.argv[1:5]
    stop = threading.Event()

    def wait_for_stop():
        for line in sys.stdin:
            if line.strip() == "stop":
                break
        stop.set()

    threading.Thread(target=wait_for_stop, daemon=True).start()
    Member(bootstrap, group, client_id).run(topic, stop)
    return 0


if __name__ == "__main__":
    sys.exit(main())
