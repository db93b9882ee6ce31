/** @jsxImportSource ./jsx */
/**
 * The few icons the default parts draw, inline so the kit needs no icon dependency (a whole icon
 * library would outweigh the parts). 24-unit strokes in the style of Lucide (ISC); each is
 * decorative (`aria-hidden`): the button around it carries the name.
 */
import type * as React from 'react';

type IconProps = React.ComponentProps<'svg'>;

// One path per icon (a shape's outline written as path commands): each icon is two elements, which a
// message row of several icon buttons pays for on every first render. Each icon is a plain function as
// well as a component: called (`CopyIcon()`), it is just those two elements, without a component of its
// own that a conversation's rows would mount and unmount by the dozen.
function icon(d: string, { fill, ...props }: IconProps = {}) {
  return (
    <svg
      data-slot="icon"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      <path d={d} fill={fill} />
    </svg>
  );
}

export const CopyIcon = (props?: IconProps) =>
  icon(
    'M11 9h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2h-8a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2Z M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1',
    props,
  );

export const CheckIcon = (props?: IconProps) => icon('M20 6 9 17l-5-5', props);

export const RegenerateIcon = (props?: IconProps) =>
  icon('M3 12a9 9 0 0 1 15-6.7L21 8 M21 3v5h-5 M21 12a9 9 0 0 1-15 6.7L3 16 M8 16H3v5', props);

export const EditIcon = (props?: IconProps) =>
  icon('M12 20h9 M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4Z', props);

export const DeleteIcon = (props?: IconProps) =>
  icon('M3 6h18 M19 6v14a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V6 M8 6V4a2 2 0 0 1 2-2h4a2 2 0 0 1 2 2v2', props);

export const InfoIcon = (props?: IconProps) =>
  icon('M2 12a10 10 0 1 0 20 0a10 10 0 1 0-20 0Z M12 16v-4 M12 8h.01', props);

export const ChevronRightIcon = (props?: IconProps) => icon('m9 18 6-6-6-6', props);

export const ChevronLeftIcon = (props?: IconProps) => icon('m15 18-6-6 6-6', props);

export const ArrowUpIcon = (props?: IconProps) => icon('m5 12 7-7 7 7 M12 19V5', props);

export const ArrowDownIcon = (props?: IconProps) => icon('M12 5v14 m19 12-7 7-7-7', props);

export const StopIcon = (props?: IconProps) =>
  icon('M8 6h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2h-8a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2Z', {
    fill: 'currentColor',
    ...props,
  });

export const AttachIcon = (props?: IconProps) =>
  icon(
    'm21.4 11-8.6 8.6a5.5 5.5 0 0 1-7.8-7.8l8.6-8.6a3.7 3.7 0 0 1 5.2 5.2l-8.6 8.6a1.8 1.8 0 0 1-2.6-2.6l8-8',
    props,
  );

export const MicIcon = (props?: IconProps) =>
  icon(
    'M12 2h0a3 3 0 0 1 3 3v6a3 3 0 0 1-3 3h-0a3 3 0 0 1-3-3v-6a3 3 0 0 1 3-3Z M19 10v2a7 7 0 0 1-14 0v-2 M12 19v3',
    props,
  );

export const CloseIcon = (props?: IconProps) => icon('M18 6 6 18 m6 6 12 12', props);

export const SparkleIcon = (props?: IconProps) =>
  icon(
    'M12 3 13.9 8.1 19 10l-5.1 1.9L12 17l-1.9-5.1L5 10l5.1-1.9Z M19 15.5 19.8 17.2 21.5 18l-1.7.8-.8 1.7-.8-1.7-1.7-.8 1.7-.8Z',
    props,
  );

export const ToolIcon = (props?: IconProps) =>
  icon(
    'M14.7 6.3a1 1 0 0 0 0 1.4l1.6 1.6a1 1 0 0 0 1.4 0l3.8-3.8a6 6 0 0 1-7.9 7.9l-6.9 6.9a2.1 2.1 0 0 1-3-3l6.9-6.9a6 6 0 0 1 7.9-7.9Z',
    props,
  );

export const AlertIcon = (props?: IconProps) =>
  icon('M2 12a10 10 0 1 0 20 0a10 10 0 1 0-20 0Z M12 8v4 M12 16h.01', props);
