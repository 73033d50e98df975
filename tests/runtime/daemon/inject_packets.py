#!/usr/bin/python3
"""Third-party traffic on the heartbeat switch, for harun's end-to-end tests.

Usage: inject_packets.py PORT_DEVICE PEER_IP TARGET_IP PORT COUNT AGE

Captures (on the switch port PORT_DEVICE, which sees the frames the bridge forwards) one
status packet PEER_IP sends TARGET_IP, waits AGE seconds so that it is older than the
receiver's window of recent sequence numbers (a copy within it is a harmless duplicate), then
sends TARGET_IP COUNT replays of it, COUNT forged copies (trailing digest altered) and COUNT
garbage datagrams, from this namespace's own address. Prints what it sent.
"""
import socket
import struct
import sys
import time

bridge, peer_ip, target_ip = sys.argv[1], sys.argv[2], sys.argv[3]
port, count, age = int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])

sniffer = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.ntohs(0x0003))
sniffer.bind((bridge, 0))
sniffer.settimeout(1.0)
captured = None
deadline = time.monotonic() + 10
while captured is None and time.monotonic() < deadline:
    try:
        frame = sniffer.recv(65535)
    except socket.timeout:
        continue
    if len(frame) < 42 or frame[12:14] != b"\x08\x00" or frame[23] != socket.IPPROTO_UDP:
        continue
    if socket.inet_ntoa(frame[26:30]) != peer_ip or socket.inet_ntoa(frame[30:34]) != target_ip:
        continue
    udp = 14 + (frame[14] & 0x0F) * 4
    if struct.unpack("!H", frame[udp + 2:udp + 4])[0] != port:
        continue
    length = struct.unpack("!H", frame[udp + 4:udp + 6])[0]
    payload = frame[udp + 8:udp + length]
    if b"t=status" in payload:
        captured = payload
sniffer.close()
if captured is None:
    sys.exit("no status packet from %s to %s seen" % (peer_ip, target_ip))

time.sleep(age)  # newer packets went out meanwhile: the copy is a replay now

last_digit = captured[-2:-1]
forged = captured[:-2] + (b"0" if last_digit != b"0" else b"1") + captured[-1:]
garbage = b"###\nthis is not a heartbeat message"

sender = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sender.bind(("0.0.0.0", port))
for kind, payload in (("replayed", captured), ("forged", forged), ("garbage", garbage)):
    for _ in range(count):
        sender.sendto(payload, (target_ip, port))
        time.sleep(0.01)
    print("sent %d %s" % (count, kind))
