#!/usr/bin/env bash
# Builds the image twinsub-reference-target:local from scratch, without any registry: a root
# filesystem holding this Node binary, the libraries it links, and the repository with its
# node_modules, imported with `podman import`. Idempotent: an existing image is rebuilt.
set -euo pipefail
cd "$(dirname "$0")/.."

IMAGE="${1:-twinsub-reference-target:local}"
ROOT="$(mktemp -d)"
trap 'rm -rf "$ROOT"' EXIT

NODE="$(command -v node)"
mkdir -p "$ROOT/usr/local/bin" "$ROOT/tmp" "$ROOT/app" "$ROOT/etc"
chmod 1777 "$ROOT/tmp"
cp "$NODE" "$ROOT/usr/local/bin/node"
# The dynamic loader and every library node links, at the paths it looks for them.
for lib in $(ldd "$NODE" | grep -o '/[^ ]*'); do
  mkdir -p "$ROOT$(dirname "$lib")"
  cp -L "$lib" "$ROOT$lib"
done
echo 'root:x:0:0:root:/root:/bin/sh' > "$ROOT/etc/passwd"
echo '127.0.0.1 localhost' > "$ROOT/etc/hosts"

tar -c --exclude=./.git --exclude=./reports --exclude=./test-results . | tar -x -C "$ROOT/app"

EARLIER="$(podman image inspect --format '{{.Id}}' "$IMAGE" 2>/dev/null || true)"
tar -C "$ROOT" -c . | podman import \
  --change 'WORKDIR /app' \
  --change 'ENTRYPOINT ["/usr/local/bin/node", "bin/twinsub.mjs", "target"]' \
  - "$IMAGE" >/dev/null
# The image this one replaces would stay behind untagged, 350 MB each build; one a container
# still uses stays.
if [ -n "$EARLIER" ] && [ "$EARLIER" != "$(podman image inspect --format '{{.Id}}' "$IMAGE")" ]; then
  podman image rm "$EARLIER" >/dev/null 2>&1 || true
fi
echo "built $IMAGE"
