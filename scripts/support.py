"""What scripts/bench and scripts/crash-test share: free ports and throwaway PostgreSQL clusters."""
import os
import pathlib
import shutil
import socket
import subprocess


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def postgres_binaries():
    """The directory of initdb and pg_ctl; installs Debian's postgresql package when missing and running as root."""
    def find():
        found = shutil.which("initdb")
        if found:
            return pathlib.Path(found).parent
        versions = sorted(pathlib.Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
        return versions[-1].parent if versions else None
    if find() is None and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "postgresql"], check=True, stdout=subprocess.DEVNULL,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    binaries = find()
    if binaries is None:
        raise SystemExit("PostgreSQL is not installed: apt-get install postgresql")
    return binaries


class PostgresCluster:
    """A throwaway cluster on a free loopback port, run as the postgres user when root (initdb refuses root).

    With the server's default durability (fsync on) unless told otherwise: the benchmark and crash tests measure
    what a real deployment would do."""

    def __init__(self, directory, durable=True):
        self.bin = postgres_binaries()
        self.directory = pathlib.Path(directory)
        self.data = self.directory / "data"
        self.port = free_port()
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            shutil.chown(self.directory, "postgres")
        self.options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c max_connections=200"
        if not durable:
            self.options += " -c fsync=off"
        self.run([str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C"])
        self.start()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/postgres?sslmode=disable"

    def run(self, command, check=True):
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--"] + command
        subprocess.run(command, check=check, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL if not check else None)

    def start(self):
        self.run([str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.directory / "server.log"), "-w", "-o", self.options, "start"])

    def stop(self, ignore_errors=False):
        self.run([str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"], check=not ignore_errors)

    def remove(self):
        shutil.rmtree(self.directory, ignore_errors=True)
