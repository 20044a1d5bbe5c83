// Child process for the SIGKILL test: decides documents one after another and reports each committed decision.
import { openRecords } from '../../electron/core/ledger/open.ts';
import { authenticate } from '../../electron/core/accounts/users.ts';
import { saveDecision, submitDecision } from '../../electron/core/workflow/decisions.ts';
import { loadSample, password, privacyDecision, testCost } from './helpers.ts';

const ctx = openRecords(process.argv[2]!, { cost: testCost });
const drafter = authenticate(ctx, 'drafter', password, 'cli');
for (let i = 0; ; i++) {
  const { outcome, findings } = loadSample(ctx, drafter, `第${i}号决定\n当事人身份证号110101199003071234，批次${process.pid}-${i}。`);
  const decision = saveDecision(ctx, drafter, privacyDecision(outcome.documentId, findings[0]!.id));
  submitDecision(ctx, drafter, decision.id);
  process.stdout.write(`committed ${decision.id}\n`);
}
