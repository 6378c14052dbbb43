import type english from '../../public/_locales/en/messages.json';

/** Every message name, taken from the English catalogue: a key that is not there does not compile. */
export type MessageKey = keyof typeof english;
