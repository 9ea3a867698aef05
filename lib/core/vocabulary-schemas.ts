// The vocabulary's zod schemas, apart from the lists (./vocabulary.ts) so a
// client component that needs only a list does not load zod with it.
import { z } from "zod";
import { identityLevels, letterChannels } from "./vocabulary";

export const letterChannelSchema = z.enum(letterChannels);
export const identityLevelSchema = z.enum(identityLevels);
