import { type CliCommand, type CliIo, UsageError } from "../command.js";
import { PHONE_LEGS } from "../registry.js";
import { CARRIER_SIMULATE_USAGE, runCarrierSimulation } from "./call-carrier.js";
import { runTwilioSimulation, TWILIO_SIMULATE_USAGE } from "./call-twilio.js";

/** The carriers whose simulator can dial an application's stream: Twilio with its own flags, every other leg alike. */
const CARRIERS: Readonly<Record<string, (argv: string[], io: CliIo) => Promise<number>>> = {
  ...Object.fromEntries(Object.keys(PHONE_LEGS).map((name) => [name, (argv: string[], io: CliIo) => runCarrierSimulation(name, argv, io)])),
  twilio: runTwilioSimulation,
};

export const callCommand: CliCommand = {
  name: "call",
  summary: "place one simulated phone call: a carrier's simulator dials your stream URL",
  usage: `${TWILIO_SIMULATE_USAGE}\n${CARRIER_SIMULATE_USAGE}`,
  run(argv, io) {
    const [carrier, ...rest] = argv;
    const run = carrier !== undefined && Object.hasOwn(CARRIERS, carrier) ? CARRIERS[carrier] : undefined;
    if (!run) throw new UsageError(`name a carrier: ${Object.keys(CARRIERS).join(", ")}`);
    return run(rest, io);
  },
};
