// TRANSITIONAL: the former name of lib/emulator/services.ts (EmulatorContext), kept only for modules
// of branches that were in flight when it was renamed (lib/emulator/kinds/). Once they import
// services.ts directly, delete this file.
export type { EmulatorServices as EmulatorContext } from './services';
