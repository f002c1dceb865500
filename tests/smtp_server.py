"""A real SMTP server for the tests (aiosmtpd in a thread) that records what it receives and
can be stopped and started again to simulate an outage."""

import socket
import threading
from email.message import Message as EmailMessage

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message

REFUSED_DOMAIN = "refused.example"


class RecordingHandler(Message):
    """Keeps every message; refuses recipients at REFUSED_DOMAIN for good (550)."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[EmailMessage] = []
        self.changed = threading.Condition()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.endswith("@" + REFUSED_DOMAIN):
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    def handle_message(self, message: EmailMessage) -> None:
        with self.changed:
            self.messages.append(message)
            self.changed.notify_all()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SMTPServer:
    def __init__(self) -> None:
        self.handler = RecordingHandler()
        self.port = free_port()
        self.controller: Controller | None = None

    @property
    def is_running(self) -> bool:
        return self.controller is not None

    @property
    def messages(self) -> list[EmailMessage]:
        with self.handler.changed:
            return list(self.handler.messages)

    def start(self) -> None:
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        """An outage: from now on connections are refused."""
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def clear(self) -> None:
        with self.handler.changed:
            self.handler.messages.clear()

    def wait_for(self, count: int, timeout: float = 10) -> list[EmailMessage]:
        """Wait until `count` messages have arrived (or the timeout passes) and return them."""
        with self.handler.changed:
            self.handler.changed.wait_for(lambda: len(self.handler.messages) >= count, timeout)
            return list(self.handler.messages)
