import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { selfSignedCertificate } from "./self-signed.js";

/** A fresh self-signed certificate, its PEM written to a private temporary folder for clients to trust. */
export interface TlsFiles {
  readonly cert: string;
  readonly key: string;
  /** The certificate's PEM file (the key is never written). */
  readonly certificatePath: string;
  /** Deletes the folder. */
  remove(): void;
}

export function writeTlsFiles(): TlsFiles {
  const { cert, key } = selfSignedCertificate();
  const dir = mkdtempSync(join(tmpdir(), "voxwire-sim-tls-"));
  const certificatePath = join(dir, "simulator-cert.pem");
  writeFileSync(certificatePath, cert, { mode: 0o644 });
  return { cert, key, certificatePath, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
