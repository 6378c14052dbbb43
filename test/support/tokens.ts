/** The API token unit tests give their accounts: well-formed (32 capitals and digits), used nowhere real. */
export const TEST_TOKEN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** A well-formed token no server (the emulator included) accepts. */
export const WRONG_TOKEN = 'WRONGTOKEN0000000000000000000000';
