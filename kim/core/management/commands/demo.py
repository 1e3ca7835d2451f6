import subprocess
import sys
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from kim.core.demo import load_demo
from kim.core.management.commands.load_demo import print_logins


class Command(BaseCommand):
    help = "Migrate the database, load the demo data and start the server."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--no-server", action="store_true", help="Set up only.")

    def handle(self, *args: Any, addrport: str, no_server: bool = False, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        logins = load_demo()
        self.stdout.write(self.style.SUCCESS(f"kim demo: http://{addrport}/"))
        print_logins(self.stdout, logins)
        if not no_server:
            # the background-job worker (imports, big reports) runs next to the server
            worker = subprocess.Popen([sys.executable, "-m", "kim.manage", "db_worker",
                                       "--no-reload", "--interval", "1"])
            try:
                call_command("runserver", addrport, use_reloader=False)
            finally:
                worker.terminate()
                worker.wait(timeout=10)
