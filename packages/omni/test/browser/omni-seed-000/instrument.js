// voxwire's, not the Omni browser guide's: counts what crosses the page's WebSocket, for the test
// to read as window.seedReport. It wraps the WebSocket class the guide's code uses; the guide's
// code itself is untouched.
(() => {
  const report = { opened: false, protocol: null, textTypes: {}, binaryFrames: 0, binaryBytes: 0, sentFrames: 0, sentBytes: 0, sentSizes: {}, closes: [], errors: [] };
  window.seedReport = report;
  window.addEventListener("error", (e) => report.errors.push(String(e.message)));
  window.addEventListener("unhandledrejection", (e) => report.errors.push(String(e.reason)));
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(url, protocols) {
      super(url, protocols);
      this.addEventListener("open", () => {
        report.opened = true;
        report.protocol = this.protocol;
      });
      this.addEventListener("message", (e) => {
        if (typeof e.data === "string") {
          const type = JSON.parse(e.data).type;
          report.textTypes[type] = (report.textTypes[type] ?? 0) + 1;
        } else {
          report.binaryFrames++;
          report.binaryBytes += e.data.byteLength;
        }
      });
      this.addEventListener("close", (e) => report.closes.push({ code: e.code, reason: e.reason }));
    }
    send(data) {
      const size = typeof data === "string" ? data.length : data.byteLength;
      report.sentFrames++;
      report.sentBytes += size;
      report.sentSizes[size] = (report.sentSizes[size] ?? 0) + 1;
      super.send(data);
    }
  };
})();
