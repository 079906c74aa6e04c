import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const bin = fileURLToPath(new URL("../../../node_modules/.bin/", import.meta.url));

describe("npm start with no environment", () => {
  it("starts on an embedded database with a demo program, says where to look, and stops on SIGTERM", async () => {
    const cwd = await mkdtemp(join(tmpdir(), "kinship-start-"));
    const child = spawn(join(bin, "kinship-server"), [], {
      cwd,
      env: { PATH: `${bin}${delimiter}${process.env.PATH ?? ""}`, PORT: "0", LOG_LEVEL: "warn" },
    });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      out += d;
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start line in: ${out}`)), 30_000);
        child.stdout.on("data", () => {
          const m = /Kinship is running at (http:\/\/\S+)/.exec(out);
          if (m?.[1] && out.includes("Try:")) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        child.on("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      expect(out).toContain("embedded PGlite in .kinship/pglite");
      expect(out).toMatch(/Grace Hopper\s+Gold/);
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      expect(out).toContain(`Demo storefront: ${url}/demo`);
      const demo = await fetch(`${url}/demo`);
      expect(demo.status).toBe(200);
      expect(await demo.text()).toContain("<kinship-price");
      const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      child.kill("SIGKILL");
      await rm(cwd, { recursive: true, force: true });
    }
  });
});
