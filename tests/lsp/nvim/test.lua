-- Driven by run.sh: `nvim --headless --clean -u test.lua`. Logs to stderr; exits 0 when every check holds.
local binary = assert(os.getenv('XXGK_LINT_BINARY'))
local report = assert(os.getenv('XXGK_REPORT'))

local function log(message)
  io.stderr:write('[nvim] ' .. message .. '\n')
end

local function check(condition, message)
  if condition then
    log('ok: ' .. message)
  else
    log('FAILED: ' .. message)
    vim.cmd('cquit 1')
  end
end

-- The rule id of a vim.diagnostic item (0.7 keeps the LSP diagnostic in user_data).
local function code_of(diagnostic)
  if diagnostic.code then
    return diagnostic.code
  end
  local lsp = diagnostic.user_data and diagnostic.user_data.lsp
  return lsp and lsp.code
end

local function find(bufnr, code)
  for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
    if code_of(diagnostic) == code then
      return diagnostic
    end
  end
end

vim.cmd('filetype on')
vim.cmd('edit ' .. vim.fn.fnameescape(report))
local bufnr = vim.api.nvim_get_current_buf()
log('filetype: ' .. vim.bo[bufnr].filetype)

local client_id = vim.lsp.start_client({
  name = 'xxgk-lint',
  cmd = { binary, 'lsp' },
  root_dir = vim.fn.fnamemodify(report, ':h'),
  init_options = { diagnosticsDelayMs = 0 },
  on_exit = function(code)
    log('server exited with ' .. tostring(code))
  end,
})
check(client_id ~= nil, 'vim.lsp.start_client started xxgk-lint')
vim.lsp.buf_attach_client(bufnr, client_id)

-- 1. Diagnostics: T202 (row 3.其他 missing in table 三, line 60 or 61) and C406 (section 六 is 无。, line 77).
local arrived = vim.wait(30000, function()
  return find(bufnr, 'T202') ~= nil and find(bufnr, 'C406') ~= nil
end, 50)
check(arrived, 'diagnostics include T202 and C406')
local t202 = find(bufnr, 'T202')
local c406 = find(bufnr, 'C406')
check(t202.lnum + 1 == 60 or t202.lnum + 1 == 61, 'T202 is at line 60 or 61 (got ' .. (t202.lnum + 1) .. ')')
check(c406.lnum + 1 == 77, 'C406 is at line 77 (got ' .. (c406.lnum + 1) .. ')')
check(t202.source == 'xxgk-lint', 'diagnostic source is xxgk-lint')

-- 2. The quick fix for T202, asked for and applied through the client API.
local client = vim.lsp.get_client_by_id(client_id)
local params = {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  range = {
    start = { line = t202.lnum, character = t202.col },
    ['end'] = { line = t202.end_lnum, character = t202.end_col },
  },
  context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, t202.lnum) },
}
local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000)
check(responses and responses[client_id] and responses[client_id].result, 'textDocument/codeAction answered')
local chosen
for _, action in ipairs(responses[client_id].result) do
  log('action: ' .. action.title)
  if action.kind == 'quickfix' and action.title:find('3.其他', 1, true) then
    chosen = action
  end
end
check(chosen ~= nil and chosen.edit ~= nil, 'a quick fix inserts the 3.其他 row')
vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)

local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
local row
for index, line in ipairs(lines) do
  if line:match('^%s*3%.其他') then
    row = index
  end
end
check(row ~= nil, 'the buffer has a 3.其他 row (line ' .. tostring(row) .. ')')
check(lines[row - 1]:find('逾期未按收费通知', 1, true) ~= nil, 'the row follows row （六）2')
check(lines[row + 1]:find('总计', 1, true) ~= nil, 'the row precedes （七）总计')

local gone = vim.wait(20000, function()
  return find(bufnr, 'T202') == nil and find(bufnr, 'C406') ~= nil
end, 50)
check(gone, 'T202 is gone after the fix (C406 remains)')

vim.lsp.stop_client(client_id)
vim.wait(5000, function()
  return vim.lsp.get_client_by_id(client_id) == nil
end, 50)
log('all checks passed')
vim.cmd('qa!')
