// The demo page: one startConversation() call from the Start click, and a UI fed by its events.
import { type Conversation, type ConversationEvent, startConversation } from "@voxwire/browser";
import type { Dialect } from "@voxwire/core";
import { omni } from "@voxwire/omni";
import { tokenFirst } from "@voxwire/token-first";

/** What the demo server tells the page: where the Omni simulator listens and its sandbox key. */
interface DemoConfig {
  omniUrl: string;
  omniKey: string;
}

const config = (await (await fetch("/config")).json()) as DemoConfig;
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const startButton = $<HTMLButtonElement>("start");
const stopButton = $<HTMLButtonElement>("stop");
const dialectSelect = $<HTMLSelectElement>("dialect");
const muteBox = $<HTMLInputElement>("mute");

let conversation: Conversation | undefined;
let bargeIns = 0;
let agentStateFromEvents = false;
let bargeTimer: ReturnType<typeof setTimeout> | undefined;
const liveLines = new Map<string, HTMLElement>();

function dialect(): Dialect {
  // A pyai_test_ sandbox key is fine in a local page; a pyai_live_ key would be refused here.
  if (dialectSelect.value === "omni") return omni({ agentId: "agent_123", apiKey: config.omniKey, rate: 16000, baseUrl: config.omniUrl });
  // The backend pattern: this server's /token route holds the key and hands out single-use tokens.
  return tokenFirst({ tokenUrl: "/token" });
}

startButton.addEventListener("click", () => {
  reset();
  // Called inside the click: the AudioContext is created and resumed in the user gesture.
  const current = startConversation({ dialect: dialect(), muted: muteBox.checked });
  conversation = current;
  current.on("*", render);
  startButton.disabled = true;
  dialectSelect.disabled = true;
  stopButton.disabled = false;
  current.ready.then(
    () => {
      const wire = current.session?.audio.wire;
      $("rates").textContent =
        `context ${khz(current.audioContext?.sampleRate)} → wire ${khz(wire?.outbound.sampleRate)} in, ${khz(wire?.inbound.sampleRate)} out`;
    },
    () => {},
  );
  void current.ended.then(() => {
    startButton.disabled = false;
    dialectSelect.disabled = false;
    stopButton.disabled = true;
    setMeter("in", 0);
    setMeter("out", 0);
  });
});
stopButton.addEventListener("click", () => void conversation?.stop());
muteBox.addEventListener("change", () => {
  if (conversation) conversation.muted = muteBox.checked;
});

function render(event: ConversationEvent): void {
  switch (event.type) {
    case "conversation-state":
      pill("state", event.state, event.state === "live");
      return;
    case "agent-state":
      agentStateFromEvents = true;
      pill("agent", event.state);
      return;
    case "playback":
      // Dialects without agent-state messages (Omni): the speakers say whether the agent talks.
      if (!agentStateFromEvents) pill("agent", event.queuedSamples > 0 || event.level.peak > 0.001 ? "speaking" : "listening");
      $("played").textContent = `${seconds(event.playedMs)} of agent audio`;
      $("queued").textContent = `${seconds(event.queuedMs)} queued · ${event.underruns} underruns · ${event.overruns} overruns`;
      return;
    case "level":
      setMeter("in", event.input.peak);
      setMeter("out", event.output.peak);
      return;
    case "transcript-delta":
      line(event.role, event.text, true);
      return;
    case "transcript-end":
      line(event.role, event.text, false);
      return;
    case "barge-in": {
      bargeIns++;
      const pillEl = $("barge");
      pillEl.innerHTML = `barge-in <b>${bargeIns}</b>`;
      pillEl.classList.add("on");
      clearTimeout(bargeTimer);
      bargeTimer = setTimeout(() => pillEl.classList.remove("on"), 1500);
      $("last-barge").textContent = `heard ${Math.round(event.heardMs)} ms, dropped ${Math.round(event.droppedMs)} ms`;
      const agentLines = $("lines").querySelectorAll(".line.agent");
      agentLines[agentLines.length - 1]?.classList.add("cut");
      return;
    }
    case "error": {
      const item = document.createElement("li");
      item.textContent = `${event.code}: ${event.message}`;
      $("error-list").append(item);
      $("errors").classList.add("has");
      return;
    }
  }
}

function reset(): void {
  bargeIns = 0;
  agentStateFromEvents = false;
  liveLines.clear();
  $("lines").replaceChildren();
  $("error-list").replaceChildren();
  $("errors").classList.remove("has");
  $("barge").innerHTML = "barge-in <b>0</b>";
  for (const id of ["rates", "played", "queued", "last-barge"]) $(id).textContent = "–";
  pill("agent", "–");
}

/** A transcript line: a partial one is updated in place until its end arrives. */
function line(role: string, text: string, partial: boolean): void {
  let el = liveLines.get(role);
  if (el === undefined) {
    el = document.createElement("div");
    el.className = `line ${role}`;
    el.innerHTML = `<span class="who"></span><span class="text"></span>`;
    el.querySelector(".who")!.textContent = role === "agent" ? "agent" : "you";
    $("lines").append(el);
  }
  el.querySelector(".text")!.textContent = text;
  el.classList.toggle("partial", partial);
  if (partial) liveLines.set(role, el);
  else liveLines.delete(role);
  $("lines").scrollTop = $("lines").scrollHeight;
}

function pill(id: string, value: string, live = false): void {
  const el = $(id);
  el.innerHTML = `${id === "state" ? "conversation" : id} <b></b>`;
  el.querySelector("b")!.textContent = value;
  el.classList.toggle("live", live);
}

function setMeter(which: "in" | "out", peak: number): void {
  const db = peak > 0 ? 20 * Math.log10(peak) : Number.NEGATIVE_INFINITY;
  $(`${which}-bar`).style.width = `${Math.max(0, Math.min(100, ((db + 60) / 60) * 100))}%`;
  $(`${which}-db`).textContent = Number.isFinite(db) ? `${db.toFixed(0)} dB` : "−∞ dB";
}

function khz(rate: number | undefined): string {
  return rate === undefined ? "?" : `${rate / 1000} kHz`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
