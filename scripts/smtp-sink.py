#!/usr/bin/python3
"""A local SMTP server for the tests: accepts every message and stores it as a .eml file.

Usage: smtp-sink.py --maildir DIR [--host 127.0.0.1] [--port 0] [--port-file FILE]

With --port 0 the system picks a free port. Once the server listens, the line
"listening HOST PORT" goes to standard output and the port is written to --port-file.
Each message is written to a temporary name first and then renamed, so a reader never
sees half a file. Needs Debian's python3-aiosmtpd.
"""

import argparse
import asyncio
import os
import signal
import sys
import uuid

from aiosmtpd.smtp import SMTP


class MaildirHandler:
    def __init__(self, maildir):
        self.maildir = maildir

    async def handle_DATA(self, server, session, envelope):
        name = f"{asyncio.get_running_loop().time():015.6f}-{uuid.uuid4().hex}.eml"
        temporary = os.path.join(self.maildir, "." + name + ".tmp")
        with open(temporary, "wb") as target:
            target.write(envelope.original_content or envelope.content)
        os.replace(temporary, os.path.join(self.maildir, name))
        return "250 Message accepted for delivery"


async def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--maildir", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--port-file")
    args = parser.parse_args()

    os.makedirs(args.maildir, exist_ok=True)
    handler = MaildirHandler(args.maildir)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(handler, hostname="smtp-sink", decode_data=False, enable_SMTPUTF8=True, data_size_limit=25 * 1024 * 1024),
        host=args.host,
        port=args.port,
    )
    port = server.sockets[0].getsockname()[1]
    if args.port_file:
        with open(args.port_file + ".tmp", "w", encoding="ascii") as target:
            target.write(str(port))
        os.replace(args.port_file + ".tmp", args.port_file)
    print(f"listening {args.host} {port}", flush=True)

    stop = asyncio.Event()
    for number in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(number, stop.set)
    await stop.wait()
    server.close()
    await server.wait_closed()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
