/**
 * A tiny translation model written at test time, in the file format of the real OPUS-MT exports
 * (model-files.ts): config.json, tokenizer.json (Unigram, Metaspace) and two ONNX graphs with the
 * real input and output names. Its weights make the output predictable: the encoder is a one-hot
 * embedding (d_model = vocabulary size), and the decoder's step p reads the encoder's position p and
 * maps its piece through a dictionary, so "el gato negro" becomes "the cat black", word by word;
 * single characters map to themselves, so names and unknown words are copied.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
type Node = InstanceType<typeof onnx.NodeProto>;
type Initializer = InstanceType<typeof onnx.TensorProto>;
type ValueInfo = InstanceType<typeof onnx.ValueInfoProto>;

/** Spanish word pieces and their English pieces; English pieces map to themselves. */
export const testDictionary: Record<string, string> = {
  '▁El': '▁The',
  '▁La': '▁The',
  '▁Dijo': '▁Said',
  '▁el': '▁the',
  '▁la': '▁the',
  '▁los': '▁the',
  '▁un': '▁a',
  '▁una': '▁a',
  '▁gato': '▁cat',
  '▁negro': '▁black',
  '▁perro': '▁dog',
  '▁casa': '▁house',
  '▁grande': '▁big',
  '▁duerme': '▁sleeps',
  '▁come': '▁eats',
  '▁en': '▁in',
  '▁y': '▁and',
  '▁de': '▁of',
  '▁presidente': '▁president',
  '▁dijo': '▁said',
  '▁que': '▁that',
  '▁hoy': '▁today',
  '▁ciudad': '▁city',
};

const characters = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789áéíóúñüÁÉÍÓÚÑ',
  ...'.,;:!?¿¡"\'()-',
  '▁',
];

export interface TestModelOptions {
  from?: string;
  to?: string;
  decoderLayers?: number;
  /** Write onnx/*_quantized.onnx names (what Xenova's exports ship) instead of the plain ones. */
  quantizedNames?: boolean;
  /** Write happenings-model.json as `models add` does. */
  manifest?: { repo: string; revision: string };
}

/** The vocabulary: </s> 0, <unk> 1 (as in Marian), then pieces, <pad> last (the decoder start). */
export function testVocabulary(): string[] {
  const words = [...new Set([...Object.keys(testDictionary), ...Object.values(testDictionary)])];
  return ['</s>', '<unk>', ...words, ...characters, '<pad>'];
}

/** Writes the model directory `<modelsDir>/<from>-<to>` and returns its path. */
export async function writeTestModel(modelsDir: string, options: TestModelOptions = {}): Promise<string> {
  const { from = 'es', to = 'en', decoderLayers = 2 } = options;
  const dir = path.join(modelsDir, `${from}-${to}`);
  await fs.mkdir(path.join(dir, 'onnx'), { recursive: true });
  const vocab = testVocabulary();
  const v = vocab.length;
  const config = {
    model_type: 'marian',
    d_model: v,
    encoder_layers: 1,
    decoder_layers: decoderLayers,
    encoder_attention_heads: 1,
    decoder_attention_heads: 1,
    vocab_size: v,
    decoder_start_token_id: v - 1,
    pad_token_id: v - 1,
    eos_token_id: 0,
    max_length: 512,
  };
  const suffix = options.quantizedNames ? '_quantized' : '';
  await fs.writeFile(path.join(dir, 'config.json'), JSON.stringify(config, null, 2));
  await fs.writeFile(path.join(dir, 'tokenizer.json'), JSON.stringify(testTokenizer(vocab)));
  await fs.writeFile(path.join(dir, 'tokenizer_config.json'), JSON.stringify({ model_max_length: 512 }));
  await fs.writeFile(path.join(dir, `onnx/encoder_model${suffix}.onnx`), encoderModel(v));
  await fs.writeFile(path.join(dir, `onnx/decoder_model_merged${suffix}.onnx`), decoderModel(vocab, decoderLayers));
  if (options.manifest) {
    const manifest = {
      pair: `${from}-${to}`,
      ...options.manifest,
      licence: 'CC-BY-4.0',
      files: [],
      installedAt: new Date().toISOString(),
    };
    await fs.writeFile(path.join(dir, 'happenings-model.json'), JSON.stringify(manifest, null, 2));
  }
  return dir;
}

/** tokenizer.json as Xenova's opus-mt exports write it: Unigram, Metaspace, "</s>" appended. */
function testTokenizer(vocab: string[]): object {
  const special = new Set(['</s>', '<unk>', '<pad>']);
  const score = (piece: string) => (special.has(piece) ? 0 : piece.length > 1 ? -2 : -5);
  const added = [...special].map((content) => ({
    id: vocab.indexOf(content),
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  }));
  const metaspace = { type: 'Metaspace', replacement: '▁', add_prefix_space: true, prepend_scheme: 'always' };
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: added,
    normalizer: null,
    pre_tokenizer: metaspace,
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '</s>', type_id: 0 } }],
      pair: [
        { Sequence: { id: 'A', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 0 } },
        { SpecialToken: { id: '</s>', type_id: 0 } },
      ],
      special_tokens: { '</s>': { id: '</s>', ids: [0], tokens: ['</s>'] } },
    },
    decoder: metaspace,
    model: { type: 'Unigram', unk_id: 1, vocab: vocab.map((piece) => [piece, score(piece)]) },
  };
}

/** last_hidden_state = onehot(input_ids) * attention_mask. */
function encoderModel(v: number): Uint8Array {
  const nodes = [
    node('Gather', ['embedding', 'input_ids'], ['embedded']),
    node('Cast', ['attention_mask'], ['mask_f'], [int('to', onnx.TensorProto.DataType.FLOAT)]),
    node('Unsqueeze', ['mask_f', 'axis_last'], ['mask_3d']),
    node('Mul', ['embedded', 'mask_3d'], ['last_hidden_state']),
  ];
  const initializers = [floats('embedding', [v, v], identity(v)), int64s('axis_last', [1], [-1])];
  return model(
    'encoder',
    nodes,
    initializers,
    [input('input_ids', INT64, ['batch', 'src']), input('attention_mask', INT64, ['batch', 'src'])],
    [input('last_hidden_state', FLOAT, ['batch', 'src', v])],
  );
}

/**
 * The merged decoder: position p = past length + t; the encoder's row min(p, src - 1) through the
 * dictionary matrix gives the logits. Presents are the pasts with zeros appended (they only carry the
 * length), the encoder's presents zeros of the encoder's shape.
 */
function decoderModel(vocab: string[], layers: number): Uint8Array {
  const v = vocab.length;
  const pastDims = (len: string) => ['batch', 1, len, v];
  const inputs = [
    input('input_ids', INT64, ['batch', 'tgt']),
    input('encoder_attention_mask', INT64, ['batch', 'src']),
    input('encoder_hidden_states', FLOAT, ['batch', 'src', v]),
  ];
  const outputs = [input('logits', FLOAT, ['batch', 'tgt', v])];
  const nodes = [
    node('Shape', ['past_key_values.0.decoder.key'], ['past_shape']),
    node('Gather', ['past_shape', 'two'], ['past_len']),
    node('Shape', ['input_ids'], ['ids_shape']),
    node('Gather', ['ids_shape', 'one'], ['tgt_len']),
    node('Range', ['zero', 'tgt_len', 'one'], ['steps']),
    node('Add', ['steps', 'past_len'], ['positions']),
    node('Shape', ['encoder_hidden_states'], ['enc_shape']),
    node('Gather', ['enc_shape', 'one'], ['src_len']),
    node('Sub', ['src_len', 'one'], ['last_pos']),
    node('Min', ['positions', 'last_pos'], ['read_at']),
    node('Gather', ['encoder_hidden_states', 'read_at'], ['read'], [int('axis', 1)]),
    node('MatMul', ['read', 'dictionary'], ['logits']),
    node('Mul', ['read', 'zero_f'], ['read_zero']),
    node('Unsqueeze', ['read_zero', 'axis_heads'], ['new_kv']),
    node('Mul', ['encoder_hidden_states', 'zero_f'], ['enc_zero']),
    node('Unsqueeze', ['enc_zero', 'axis_heads'], ['enc_kv']),
  ];
  for (let i = 0; i < layers; i++) {
    for (const kind of ['key', 'value']) {
      inputs.push(input(`past_key_values.${i}.decoder.${kind}`, FLOAT, pastDims('past_decoder_len')));
      inputs.push(input(`past_key_values.${i}.encoder.${kind}`, FLOAT, pastDims('past_encoder_len')));
      outputs.push(input(`present.${i}.decoder.${kind}`, FLOAT, pastDims('present_decoder_len')));
      outputs.push(input(`present.${i}.encoder.${kind}`, FLOAT, pastDims('src')));
      nodes.push(
        node(
          'Concat',
          [`past_key_values.${i}.decoder.${kind}`, 'new_kv'],
          [`present.${i}.decoder.${kind}`],
          [int('axis', 2)],
        ),
        node('Identity', ['enc_kv'], [`present.${i}.encoder.${kind}`]),
      );
    }
  }
  inputs.push(input('use_cache_branch', BOOL, [1]));
  const initializers = [
    floats('dictionary', [v, v], dictionaryMatrix(vocab)),
    int64s('zero', [], [0]),
    int64s('one', [], [1]),
    int64s('two', [], [2]),
    int64s('axis_heads', [1], [1]),
    floats('zero_f', [], [0]),
  ];
  return model('decoder', nodes, initializers, inputs, outputs);
}

/** Row i (a source piece) has a 1 at the column of its translation. */
function dictionaryMatrix(vocab: string[]): number[] {
  const v = vocab.length;
  const out = new Array<number>(v * v).fill(0);
  vocab.forEach((piece, i) => {
    out[i * v + vocab.indexOf(testDictionary[piece] ?? piece)] = 1;
  });
  return out;
}

function identity(v: number): number[] {
  const out = new Array<number>(v * v).fill(0);
  for (let i = 0; i < v; i++) out[i * v + i] = 1;
  return out;
}

const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT64 = onnx.TensorProto.DataType.INT64;
const BOOL = onnx.TensorProto.DataType.BOOL;

function node(opType: string, inputs: string[], outputs: string[], attribute: object[] = []): Node {
  return onnx.NodeProto.create({ opType, input: inputs, output: outputs, name: outputs[0], attribute });
}

function int(name: string, i: number): object {
  return onnx.AttributeProto.create({ name, type: onnx.AttributeProto.AttributeType.INT, i });
}

function floats(name: string, dims: number[], data: number[]): Initializer {
  return onnx.TensorProto.create({ name, dims, dataType: FLOAT, floatData: data });
}

function int64s(name: string, dims: number[], data: number[]): Initializer {
  return onnx.TensorProto.create({ name, dims, dataType: INT64, int64Data: data });
}

function input(name: string, elemType: number, dims: Array<string | number>): ValueInfo {
  const dim = dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d }));
  return onnx.ValueInfoProto.create({ name, type: { tensorType: { elemType, shape: { dim } } } });
}

function model(
  name: string,
  node: Node[],
  initializer: Initializer[],
  input: ValueInfo[],
  output: ValueInfo[],
): Uint8Array {
  const graph = onnx.GraphProto.create({ name, node, initializer, input, output });
  const proto = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'happenings-test-model',
    // Opset 17: ORT 1.31 runs it, and the real opus-mt exports use opsets of that age.
    opsetImport: [{ domain: '', version: 17 }],
    graph,
  });
  return onnx.ModelProto.encode(proto).finish();
}
