import { describe, expect, it } from 'vitest'
import { parse } from '../language/parse'
import { contentsSummary, countOf } from './contents'

const SERVICE = `config {
    database_type: "postgres"
}

entity Order {
    id: uuid, primary, auto
}

entity Customer {
    id: uuid, primary, auto
}

endpoint GET "/orders/:id" {
    response Order status 200
}

@auth("admin")
endpoint POST "/orders" {
    response Order status 201
}

endpoint DELETE "/orders/:id" {
    response Empty status 204
}
`

describe('contentsSummary', () => {
  it('says what a file without workflows or jobs holds, most numerous first', () => {
    expect(contentsSummary(parse(SERVICE).doc)).toBe(
      'This file has no workflows or jobs: 3 endpoints, 2 entities, 1 config block, kept as written.',
    )
  })

  it('says nothing when the file declares a workflow or a job, even a broken one', () => {
    expect(contentsSummary(parse(`${SERVICE}\njob j {\n\ttask "t"\n}\n`).doc)).toBeNull()
    expect(contentsSummary(parse(`${SERVICE}\nworkflow w {\n\ttrigger manual\n`).doc)).toBeNull()
  })

  it('names an empty file as such', () => {
    expect(contentsSummary(parse('// nothing yet\n').doc)).toBe('This file has no workflows or jobs yet.')
  })
})

describe('countOf', () => {
  it('writes counts in plain English', () => {
    expect(countOf('endpoint', 1)).toBe('1 endpoint')
    expect(countOf('entity', 2)).toBe('2 entities')
    expect(countOf('config', 2)).toBe('2 config blocks')
    expect(countOf('var', 3)).toBe('3 variables')
    expect(countOf('middleware', 2)).toBe('2 middleware')
    expect(countOf('auth', 2)).toBe('2 auth providers')
    expect(countOf('webhook', 2)).toBe('2 webhooks')
  })
})
