// Types for electron-binary.mjs, so playwright.config.ts can import it under strict TypeScript.
export declare const electronPackageDir: string;
export declare function findElectronBinary(): string | null;
