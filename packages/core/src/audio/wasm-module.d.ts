// A `.wasm` file imported as a module (Cloudflare Workers, the workerd build): already compiled.
declare module "*.wasm" {
  const module: WebAssembly.Module;
  export default module;
}
