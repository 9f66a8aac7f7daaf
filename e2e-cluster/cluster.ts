import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startSmtpInbox } from "../lib/testing/smtp-inbox";
import { withDatabase } from "../lib/testing/with-database";
import { startWorkerProcess, type WorkerProcess } from "../lib/testing/worker-process";

const NGINX = process.env.NGINX_BIN ?? "/usr/sbin/nginx";
const sh = (cmd: string, args: string[], env: Record<string, string>) => {
  const result = spawnSync(cmd, args, { env: { ...process.env, ...env }, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
};

async function untilUp(url: string, child: ChildProcess, what: string) {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode}) before it answered`);
    const ok = await fetch(url).then((r) => r.status < 500, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** nginx in front, round robin, saying which server answered (X-Upstream). */
function nginxConfig(dir: string, port: number, upstreams: number[]) {
  return `${process.getuid?.() === 0 ? "user root;\n" : ""}worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  upstream restore_desk { ${upstreams.map((p) => `server 127.0.0.1:${p};`).join(" ")} }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 60m;
    location / {
      proxy_pass http://restore_desk;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_buffering off;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
}

export type Cluster = Awaited<ReturnType<typeof startCluster>>;

/**
 * A fresh database on `serverUrl` (migrated, demo data), 3 web servers
 * (WORKERS=off), 2 workers and nginx on `port`, sharing one secret and one
 * file storage, mailing to an SMTP inbox of the test's.
 */
export async function startCluster({ serverUrl, port }: { serverUrl: string; port: number }) {
  if (!existsSync(NGINX)) throw new Error(`nginx not found at ${NGINX} (apt-get install nginx; .ci/run installs it)`);
  if (!existsSync(".next/BUILD_ID")) sh(process.execPath, ["node_modules/.bin/next", "build"], {});
  const name = `rd_cluster_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const databaseUrl = withDatabase(serverUrl, name);
  const appUrl = `http://localhost:${port}`;
  const dir = mkdtempSync(path.join(tmpdir(), "rd-cluster-"));
  const inbox = await startSmtpInbox();
  const env = {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: appUrl,
    FILE_STORAGE_DIR: path.join(dir, "files"),
    SMTP_URL: `smtp://127.0.0.1:${inbox.port}`,
    MAIL_FROM: '"Restore Desk" <desk@restoredesk.test>',
    TRUSTED_PROXY_HOPS: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    RD_TEST_FAULT_POINT: "",
  };
  sh(process.execPath, ["--experimental-wasm-modules", "--no-warnings", "scripts/migrate.mjs"], env);
  sh(process.execPath, ["--import", "tsx", "--conditions=react-server", "prisma/seed.ts"], env);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();

  const webPorts = [port + 1, port + 2, port + 3];
  const web = webPorts.map((p) => {
    const child = spawn(process.execPath, ["scripts/server.mjs", "-p", String(p)], { env: { ...process.env, ...env, WORKERS: "off", NODE_ENV: "production" }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    return { port: p, child, exited, output: () => output };
  });
  for (const w of web) await untilUp(`http://127.0.0.1:${w.port}/login`, w.child, `web server :${w.port}`);

  writeFileSync(path.join(dir, "nginx.conf"), nginxConfig(dir, port, webPorts));
  const nginx = spawn(NGINX, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], { stdio: "inherit" });
  const nginxExited = new Promise<void>((resolve) => nginx.once("exit", () => resolve()));
  await untilUp(`${appUrl}/login`, nginx, "nginx");

  const workers: WorkerProcess[] = [];
  const startWorker = async (extra: Record<string, string> = {}) => {
    const worker = startWorkerProcess(databaseUrl, { ...env, ...extra });
    workers.push(worker);
    await worker.until(/taking jobs/);
    return worker;
  };

  return {
    appUrl,
    databaseUrl,
    db,
    inbox,
    web,
    workers,
    startWorker,
    /** Stops everything; what each server and worker printed goes to `logDir`. */
    async stop(logDir: string) {
      mkdirSync(logDir, { recursive: true });
      for (const [i, w] of workers.entries()) writeFileSync(path.join(logDir, `worker-${i + 1}.log`), w.output());
      for (const w of web) writeFileSync(path.join(logDir, `web-${w.port}.log`), w.output());
      for (const w of workers) w.child.kill("SIGKILL");
      for (const w of web) w.child.kill("SIGKILL");
      nginx.kill("SIGTERM");
      await Promise.all([...workers.map((w) => w.exited), ...web.map((w) => w.exited), nginxExited]);
      await db.end().catch(() => undefined);
      await inbox.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
      await cleanup.end();
    },
  };
}
