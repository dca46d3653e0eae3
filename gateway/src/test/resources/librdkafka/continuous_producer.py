"""librdkafka's idempotent producer (confluent_kafka), producing without pause through the gateway.

Usage: /usr/bin/python3 continuous_producer.py <bootstrap.servers> <topic>

Prints one JSON line per event on stdout, flushed at once, so that the test sees it as it happens:
  {"event": "ready", "librdkafka": "2.0.2", "monotonicNs": ...}
  {"event": "delivery", "value": "lr-0", "partition": 0, "offset": 0, "error": null, "monotonicNs": ...}
  {"event": "error", "code": "_TRANSPORT", "fatal": false, "reason": "...", "monotonicNs": ...}
  {"event": "stopped", "produced": 1234, "undelivered": 0, "fatal": false}
monotonicNs is CLOCK_MONOTONIC, the clock of Java's System.nanoTime on Linux. A line "stop" on stdin
(or its end) stops the producer after it delivered what it had queued.
"""
import json
import sys
import threading
import time

from confluent_kafka import KafkaException, Producer, libversion

_out = threading.Lock()


def emit(event):
    with _out:
        sys.stdout.write(json.dumps(event) + "\n")
        sys.stdout.flush()


def main():
    bootstrap, topic = sys.argv[1], sys.argv[2]
    fatal = threading.Event()
    stop = threading.Event()

    def on_error(err):
        # Transport errors while the gateway closes connections are expected and not fatal.
        emit({"event": "error", "code": err.name(), "fatal": err.fatal(), "reason": err.str(),
              "monotonicNs": time.monotonic_ns()})
        if err.fatal():
            fatal.set()

    def on_delivery(err, msg):
        emit({"event": "delivery", "value": msg.value().decode(), "partition": msg.partition(),
              "offset": msg.offset(), "error": None if err is None else "%s: %s" % (err.name(), err.str()),
              "monotonicNs": time.monotonic_ns()})

    def wait_for_stop():
        for line in sys.stdin:
            if line.strip() == "stop":
                break
        stop.set()

    producer = Producer({
        "bootstrap.servers": bootstrap,
        "client.id": "librdkafka-continuity",
        "enable.idempotence": True,
        "acks": "all",
        "linger.ms": 5,
        "error_cb": on_error,
    })
    threading.Thread(target=wait_for_stop, daemon=True).start()
    emit({"event": "ready", "librdkafka": libversion()[0], "monotonicNs": time.monotonic_ns()})

    produced = 0
    while not stop.is_set() and not fatal.is_set():
        value = "lr-%d" % produced
        try:
            producer.produce(topic, key=value, value=value, on_delivery=on_delivery)
            produced += 1
        except BufferError:
            pass  # the local queue is full: poll below makes room
        except KafkaException as e:
            error = e.args[0]
            emit({"event": "error", "code": error.name(), "fatal": error.fatal(), "reason": error.str(),
                  "monotonicNs": time.monotonic_ns()})
            if error.fatal():
                fatal.set()
        producer.poll(0.003)
    undelivered = producer.flush(30)
    emit({"event": "stopped", "produced": produced, "undelivered": undelivered, "fatal": fatal.is_set()})
    return 1 if fatal.is_set() else 0


if __name__ == "__main__":
    sys.exit(main())
