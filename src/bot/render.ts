// Outputs (data) → Bot Framework activities. The only place that knows about cards and buttons.
// Every card has a text fallback in `text`, for channels and screen readers that skip cards.
import { ActivityTypes, CardFactory, type Activity, type Attachment, type CardAction } from 'botbuilder';
import type { Choice, Marker, Output } from '../../dialogs/outputs.js';
import { summaryFacts } from '../../dialogs/summary.js';
import type { IntakeSummary } from '../../dialogs/summarySchema.js';

type Reply = Partial<Activity>;

/** A button that shows and sends its label as text (so any channel works) and carries the structured answer. */
function button(step: string, choice: Choice): CardAction {
  return {
    type: 'messageBack',
    title: choice.label,
    text: choice.label,
    displayText: choice.label,
    value: { intake: { step, answer: choice.answer } },
  };
}

function intakeData(marker: Marker, summary?: IntakeSummary) {
  const { step, subject, progress } = marker;
  return { intake: { step, ...(subject !== undefined ? { subject } : {}), progress, ...(summary ? { summary } : {}) } };
}

function adaptiveCard(body: unknown[], actions: unknown[]): Attachment {
  return CardFactory.adaptiveCard({ type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.3', body, actions });
}

function message(text: string, marker: Marker, extra: Reply = {}, summary?: IntakeSummary): Reply {
  return { type: ActivityTypes.Message, text, inputHint: 'expectingInput', channelData: intakeData(marker, summary), ...extra };
}

export function render(output: Output): Reply {
  switch (output.kind) {
    case 'say':
      return { type: ActivityTypes.Message, text: output.text, inputHint: 'ignoringInput' };
    case 'ask': {
      const extra: Reply = {};
      if (output.choices.length > 0) extra.suggestedActions = { to: [], actions: output.choices.map((c) => button(output.step, c)) };
      if (output.checklist) {
        extra.attachments = [
          adaptiveCard(
            [
              { type: 'TextBlock', text: output.text.split('\n')[0], wrap: true },
              {
                type: 'Input.ChoiceSet',
                id: 'codes',
                isMultiSelect: true,
                style: 'expanded',
                label: 'Tick any that apply',
                choices: output.checklist.options.map((o) => ({ title: o.label, value: o.code })),
              },
            ],
            [
              { type: 'Action.Submit', title: 'Send', data: { intake: { step: output.step } } },
              { type: 'Action.Submit', title: output.checklist.noneLabel, data: { intake: { step: output.step, answer: [] } } },
            ],
          ),
        ];
      }
      if (output.contactForm) {
        const field = (id: string, label: string, style?: string) => ({ type: 'Input.Text', id, label, ...(style ? { style } : {}) });
        extra.attachments = [
          adaptiveCard(
            [
              { type: 'TextBlock', text: output.text, wrap: true },
              field('name', 'Your name'),
              field('phone', 'Phone', 'Tel'),
              field('email', 'Email', 'Email'),
              field('preferredTimes', 'Best times to call'),
            ],
            [{ type: 'Action.Submit', title: 'Send my details', data: { intake: { step: output.step } } }],
          ),
        ];
      }
      return message(output.text, output, extra);
    }
    case 'summary': {
      const card = adaptiveCard(
        [
          { type: 'TextBlock', text: 'Your pre-assessment', weight: 'Bolder', size: 'Medium', wrap: true },
          { type: 'FactSet', facts: summaryFacts(output.summary).map(([title, value]) => ({ title, value })) },
        ],
        [],
      );
      return message(output.text, output, { attachments: [card], suggestedActions: { to: [], actions: output.choices.map((c) => button('summary', c)) } }, output.summary);
    }
    case 'booking': {
      const r = output.recommendation;
      const card = adaptiveCard(
        [
          { type: 'TextBlock', text: output.text, wrap: true },
          { type: 'TextBlock', text: `Or call ${output.clinic.name} on ${output.clinic.phone}.`, wrap: true, isSubtle: true },
        ],
        [{ type: 'Action.OpenUrl', title: `Book: ${r.appointmentType}`, url: r.bookingUrl }],
      );
      return message(`${output.text}\nBook online: ${r.bookingUrl}`, output, { attachments: [card] });
    }
    case 'end':
      return { ...message(output.text, output, {}, output.summary), inputHint: 'acceptingInput' };
  }
}
