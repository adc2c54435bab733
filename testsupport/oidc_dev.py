"""`make oidc-dev`: the test OpenID Connect provider for trying single sign-on against
a local Hubro (see docs/development.md). Prints the environment to start Hubro with."""

import argparse
import tempfile
import time
from pathlib import Path

from testsupport import oidc

TENANT = "6f1c2b0e-3d4a-4c5b-9e8f-0a1b2c3d4e5f"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kind", choices=["ansattporten", "entra"], default="ansattporten")
    parser.add_argument("--port", type=int, default=9000)
    parser.add_argument("--hubro", default="http://127.0.0.1:8000")
    args = parser.parse_args()
    accounts = {
        "ansattporten": {
            "siri": {
                "name": "Siri Sund",
                "organisations": [
                    {"orgnr": "889640782", "name": "ARBEIDS- OG VELFERDSETATEN"},
                    {"orgnr": "974760673", "name": "SKATTEETATEN"},
                ],
            }
        },
        "entra": {"siri": {"name": "Siri Sund", "email": "siri.sund@nav.no"}},
    }[args.kind]
    provider = oidc.start(
        args.kind,
        Path(tempfile.mkdtemp(prefix="hubro-oidc-")),
        redirect_uris=[f"{args.hubro}/konto/sso/{args.kind}/callback/"],
        accounts=accounts,
        tenant=TENANT,
        port=args.port,
    )
    prefix = f"HUBRO_SSO_{args.kind.upper()}"
    print(f"OpenID Connect provider ({args.kind}) at {provider.url}; sign in as 'siri'.")
    print("Start Hubro with:")
    print(f"  export HUBRO_SSO_PROVIDERS={args.kind} {prefix}_URL={provider.url} \\")
    print(
        f"    {prefix}_CLIENT_ID={provider.client_id}"
        f" {prefix}_CLIENT_SECRET={provider.client_secret}"
    )
    if args.kind == "ansattporten":
        print(f"  export {prefix}_RESOURCE=urn:altinn:resource:hubro-dev")
    else:
        print(f"  (and list the tenant {TENANT} on an organization in the admin)")
    print("Stop with Ctrl-C.")
    try:
        while provider.process.poll() is None:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        provider.stop()


if __name__ == "__main__":
    main()
