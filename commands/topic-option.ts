/** The topic a briefing or timeline is about; autocompleted from the known topics. */
export const topicOption = {
  type: 'string',
  description: 'Topic, place or conflict, e.g. kosovo',
  required: true,
  maxLength: 100,
  autocomplete: 'topic',
} as const;
