/** The API token unit tests give their accounts: well-formed (32 capitals and digits), used nowhere real. */
export const TEST_TOKEN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
