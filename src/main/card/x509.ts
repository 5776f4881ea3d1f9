/**
 * The one place @peculiar/x509 is loaded: it needs the reflect-metadata polyfill evaluated first
 * (its DI container checks for it at import time) and Node's WebCrypto as its provider.
 * Import X.509 types and functions from here, never from '@peculiar/x509' directly.
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export { x509 };
