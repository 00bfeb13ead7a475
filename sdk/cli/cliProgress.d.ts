// Types for the part of cli-progress the CLI uses (the package ships none; @types/cli-progress is not installed).
declare module "cli-progress" {
  export interface SingleBarOptions {
    format?: string;
    stream?: NodeJS.WritableStream;
    hideCursor?: boolean;
  }
  export class SingleBar {
    constructor(options: SingleBarOptions);
    start(total: number, startValue: number): void;
    update(value: number): void;
    stop(): void;
  }
}
