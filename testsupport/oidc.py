"""Start the test OpenID Connect provider (``oidc_provider.mjs``, the certified npm
package ``oidc-provider``) as a child process on 127.0.0.1."""

import json
import shutil
import subprocess
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "testsupport" / "oidc_provider.mjs"


@dataclass
class OIDCProvider:
    kind: str
    url: str  # the server_url Hubro is configured with
    client_id: str
    client_secret: str
    process: subprocess.Popen

    def last_authorization(self) -> dict:
        base = self.url.split("/organizations/")[0]
        with urllib.request.urlopen(f"{base}/_last_authorization", timeout=5) as answer:
            return json.loads(answer.read())

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()


def start(
    kind: str,
    folder: Path,
    *,
    redirect_uris: list[str],
    accounts: dict,
    tenant: str = "",
    port: int = 0,
    client_id: str = "hubro-test",
    client_secret: str = "hubro-test-secret-0123456789",
) -> OIDCProvider:
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("The OpenID Connect test provider needs Node.js (node)")
    config = folder / f"oidc-{kind}.json"
    config.write_text(
        json.dumps(
            {
                "kind": kind,
                "port": port,
                "client_id": client_id,
                "client_secret": client_secret,
                "redirect_uris": redirect_uris,
                "tenant": tenant,
                "accounts": accounts,
            }
        )
    )
    process = subprocess.Popen(
        [node, str(SCRIPT), str(config)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=(folder / f"oidc-{kind}.log").open("w"),
        text=True,
    )
    line = process.stdout.readline().strip()
    if not line.startswith("READY "):
        process.kill()
        log = (folder / f"oidc-{kind}.log").read_text()
        raise RuntimeError(f"The OpenID Connect test provider did not start:\n{line}\n{log}")
    return OIDCProvider(kind, line.split(" ", 1)[1], client_id, client_secret, process)
