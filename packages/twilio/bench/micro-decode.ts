// Scratch: strict base64 decode backends on one Twilio payload (160 bytes).
import { base64DecodeWith, base64Encode, mulawDecode, mulawEncode } from "@voxwire/core";
import { voiceFrame } from "./frame-stamp.js";

const payload = base64Encode(mulawEncode(voiceFrame(160)));
let sink = 0;
function ns(run: () => void, n = 200_000): number {
  for (let i = 0; i < 20_000; i++) run();
  let best = Infinity;
  for (let t = 0; t < 5; t++) {
    const s = process.cpuUsage();
    for (let i = 0; i < n; i++) run();
    const u = process.cpuUsage(s);
    best = Math.min(best, ((u.user + u.system) * 1000) / n);
  }
  return best;
}
const atobLoop = () => {
  const b = atob(payload);
  const o = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) o[i] = b.charCodeAt(i);
  return o;
};
console.log(
  "buffer",
  ns(() => {
    sink += base64DecodeWith("buffer", payload).length;
  }).toFixed(0),
  "ns",
);
console.log(
  "table ",
  ns(() => {
    sink += base64DecodeWith("table", payload).length;
  }).toFixed(0),
  "ns",
);
console.log(
  "atob  ",
  ns(() => {
    sink += atobLoop().length;
  }).toFixed(0),
  "ns",
);
console.log(
  "mulawDecode",
  ns(() => {
    sink += mulawDecode(base64DecodeWith("table", payload)).length;
  }).toFixed(0),
  "ns (table+mulaw)",
);
if (sink === 0.5) console.log(sink);
