/**
 * A value that must never be logged, stored or shown: the 暗証番号 (PIN) and the staff 目視
 * passcode. The digits live in a private field; every way a value usually turns into text
 * (string conversion, JSON, Node's inspector used by loggers) prints a placeholder instead.
 * Only the effect runner calls `reveal()`, at the moment it hands the value to the card or
 * the passcode check.
 */
const REDACTED = '[redacted]';

export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  get length(): number {
    return this.#value.length;
  }

  /** A new secret with one more character; the old one is left for the garbage collector. */
  append(character: string): Secret {
    return new Secret(this.#value + character);
  }

  /** A new secret without the last character. */
  dropLast(): Secret {
    return new Secret(this.#value.slice(0, -1));
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return REDACTED;
  }
}
