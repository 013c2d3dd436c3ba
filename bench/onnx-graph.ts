/**
 * A small writer of ONNX graphs (onnx-proto's protobuf classes): named nodes, initializers from
 * typed arrays, subgraphs for `If`. Enough to spell out a transformer by hand for the bench model.
 */
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
type Attribute = number | number[] | onnxProto.onnx.IGraphProto;

/** TensorProto.DataType values used here. */
export const FLOAT = 1;
export const INT8 = 3;
export const INT64 = 7;
export const BOOL = 9;

export class Graph {
  readonly nodes: onnxProto.onnx.INodeProto[] = [];
  readonly initializers: onnxProto.onnx.ITensorProto[] = [];
  private count = 0;

  constructor(private readonly prefix = '') {}

  /** Adds a node; returns its output names (fresh unless given). */
  op(type: string, inputs: string[], attributes: Record<string, Attribute> = {}, outputs: number | string[] = 1) {
    const names = typeof outputs === 'number' ? this.fresh(type, outputs) : outputs;
    this.nodes.push({
      opType: type,
      name: `${this.prefix}${type}_${this.count++}`,
      input: inputs,
      output: names,
      attribute: Object.entries(attributes).map(([name, value]) => attributeOf(name, value)),
    });
    return names;
  }

  /** One-output op. */
  one(type: string, inputs: string[], attributes: Record<string, Attribute> = {}, output?: string): string {
    return this.op(type, inputs, attributes, output ? [output] : 1)[0]!;
  }

  weight(name: string, dims: number[], data: Float32Array): string {
    this.initializers.push({ name, dims, dataType: FLOAT, rawData: bytesOf(data) });
    return name;
  }

  /** An int8 weight, symmetric per tensor: returns its name and the scale (an initializer too). */
  quantized(name: string, dims: number[], data: Float32Array): { weight: string; scale: string } {
    let max = 0;
    for (const v of data) max = Math.max(max, Math.abs(v));
    const scale = max / 127 || 1;
    const q = Int8Array.from(data, (v) => Math.round(v / scale));
    this.initializers.push({ name, dims, dataType: INT8, rawData: new Uint8Array(q.buffer) });
    return { weight: name, scale: this.floats([scale], true) };
  }

  ints(values: number[], scalar = false): string {
    const name = this.fresh('const', 1)[0]!;
    const data = BigInt64Array.from(values.map(BigInt));
    this.initializers.push({ name, dims: scalar ? [] : [values.length], dataType: INT64, rawData: bytesOf(data) });
    return name;
  }

  floats(values: number[], scalar = false): string {
    const name = this.fresh('const', 1)[0]!;
    const data = Float32Array.from(values);
    this.initializers.push({ name, dims: scalar ? [] : [values.length], dataType: FLOAT, rawData: bytesOf(data) });
    return name;
  }

  proto(name: string, inputs: onnxProto.onnx.IValueInfoProto[], outputs: onnxProto.onnx.IValueInfoProto[]) {
    return { name, node: this.nodes, initializer: this.initializers, input: inputs, output: outputs };
  }

  private fresh(stem: string, n: number): string[] {
    const id = this.count++;
    return Array.from({ length: n }, (_, i) => `${this.prefix}${stem}_${id}_${i}`);
  }
}

/** A value's type; a dimension is a number or a symbolic name ("batch"); no dims: any shape. */
export function valueInfo(name: string, elemType: number, dims?: (number | string)[]): onnxProto.onnx.IValueInfoProto {
  const shape = dims && { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) };
  return { name, type: { tensorType: { elemType, ...(shape ? { shape } : {}) } } };
}

/** ONNX IR 8, opset 17 (LayerNormalization is in the default domain from 17). */
export function encodeModel(graph: onnxProto.onnx.IGraphProto): Uint8Array {
  const model = {
    irVersion: 8,
    producerName: 'happenings-bench',
    opsetImport: [{ domain: '', version: 17 }],
    graph,
  };
  return onnx.ModelProto.encode(onnx.ModelProto.fromObject(model)).finish();
}

function attributeOf(name: string, value: Attribute): onnxProto.onnx.IAttributeProto {
  const { AttributeType } = onnx.AttributeProto;
  if (Array.isArray(value)) return { name, type: AttributeType.INTS, ints: value };
  if (typeof value === 'number')
    return Number.isInteger(value) && !Object.is(value, -0)
      ? { name, type: AttributeType.INT, i: value }
      : { name, type: AttributeType.FLOAT, f: value };
  return { name, type: AttributeType.GRAPH, g: value };
}

function bytesOf(data: Float32Array | BigInt64Array): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
