// deploy/tor/torrc is what compose.yaml's tor service runs. Tor itself judges
// it here (`tor --verify-config`), with only its two paths moved into a
// temporary folder so it runs outside the container; a deliberately broken
// copy must fail, so a pass means something. Tor is a Debian package
// (.ci/run installs it); without it this test fails and says so, unless
// TOR_TESTS=skip says to skip it.
import { spawnSync } from "node:child_process";
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const torrc = readFileSync("deploy/tor/torrc", "utf8");
const compose = readFileSync("compose.yaml", "utf8");
const caddyfile = readFileSync("deploy/Caddyfile", "utf8");

/** Debian puts tor in /usr/sbin, which is not on every user's PATH. */
function findTor(): string | null {
  const dirs = [...(process.env.PATH ?? "").split(path.delimiter), "/usr/sbin", "/usr/local/sbin", "/usr/bin"];
  for (const dir of dirs.filter(Boolean)) {
    try {
      accessSync(path.join(dir, "tor"), constants.X_OK);
      return path.join(dir, "tor");
    } catch {
      // not here
    }
  }
  return null;
}

const tor = findTor();
const skip = process.env.TOR_TESTS === "skip";
const folder = mkdtempSync(path.join(tmpdir(), "torrc-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The file with DataDirectory and HiddenServiceDir moved into a fresh folder (mode 0700, as tor demands). */
function runnableHere(text: string, name: string): string {
  const dir = mkdtempSync(path.join(folder, `${name}-`));
  const data = path.join(dir, "data");
  const keys = path.join(dir, "onion_service");
  mkdirSync(data, { mode: 0o700 });
  mkdirSync(keys, { mode: 0o700 });
  const moved = text
    .replace(/^DataDirectory .*$/m, `DataDirectory ${data}`)
    .replace(/^HiddenServiceDir .*$/m, `HiddenServiceDir ${keys}`);
  const file = path.join(dir, "torrc");
  writeFileSync(file, moved);
  return file;
}

function verify(file: string) {
  const run = spawnSync(tor!, ["--verify-config", "-f", file], { encoding: "utf8", timeout: 30_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe.skipIf(skip)("the shipped tor configuration", () => {
  it("has tor to judge it", () => {
    expect(tor, "tor is not installed: apt-get install tor (or set TOR_TESTS=skip to skip these tests)").not.toBe(null);
  });

  it("moves only its two paths to run here", () => {
    expect(torrc.match(/^DataDirectory /gm)).toHaveLength(1);
    expect(torrc.match(/^HiddenServiceDir /gm)).toHaveLength(1);
  });

  it("is valid to tor", () => {
    const { status, output } = verify(runnableHere(torrc, "shipped"));
    expect(output).toContain("Configuration was valid");
    expect(status, output).toBe(0);
  });

  it("and tor refuses broken copies of it", () => {
    for (const [what, broken] of [
      // Tor takes an address, not a name such as the compose service's.
      [
        "a host name as the port's target",
        torrc.replace(/^HiddenServicePort 80 .*$/m, "HiddenServicePort 80 proxy:8081"),
      ],
      [
        "an unknown circuit-id format",
        torrc.replace(/^HiddenServiceExportCircuitID .*$/m, "HiddenServiceExportCircuitID x"),
      ],
      ["a misspelt option", `${torrc}\nHiddenServicePrt 80 127.0.0.1:8081\n`],
    ] as const) {
      expect(broken, what).not.toBe(torrc);
      const { status, output } = verify(runnableHere(broken, "broken"));
      expect(status, `${what}: ${output}`).not.toBe(0);
      expect(output, what).not.toContain("Configuration was valid");
    }
  });

  it("publishes port 80 to the proxy's onion listener, with per-circuit client ids, and no SOCKS port", () => {
    expect(torrc).toMatch(/^SocksPort 0$/m);
    expect(torrc).toMatch(/^HiddenServiceExportCircuitID haproxy$/m);
    const target = torrc.match(/^HiddenServicePort 80 ([\d.]+):(\d+)$/m);
    expect(target, "HiddenServicePort 80 <proxy's address>:<port>").not.toBe(null);
    const [, address, port] = target!;
    // compose.yaml gives the proxy that address on the onion network, Caddy listens there with the PROXY protocol.
    expect(compose).toMatch(new RegExp(`proxy:[\\s\\S]*?ipv4_address: ${address!.replaceAll(".", "\\.")}\\n`));
    expect(caddyfile).toMatch(new RegExp(`servers :${port} \\{[\\s\\S]*?proxy_protocol`));
    expect(caddyfile).toContain(`http://:${port} {`);
    // And only the tor container's address may send the PROXY header.
    const torAddress = compose.match(/ {2}tor:[\s\S]*?ipv4_address: ([\d.]+)/)?.[1];
    expect(caddyfile).toContain(`allow ${torAddress}/32`);
  });
});
