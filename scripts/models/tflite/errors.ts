/** A TFLite model that is well-formed but uses something this converter does not handle. */
export class UnsupportedTfliteError extends Error {}

/** A TFLite model whose contents contradict themselves (corrupt file): sizes, indices, shapes. */
export class InvalidTfliteError extends Error {}
