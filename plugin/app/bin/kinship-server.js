#!/usr/bin/env -S node --disable-warning=ExperimentalWarning
import { run } from "../src/cli.ts";

await run();
