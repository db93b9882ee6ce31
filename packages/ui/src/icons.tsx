/** @jsxImportSource ./jsx */
/**
 * The few icons the default parts draw, inline so the kit needs no icon dependency (a whole icon
 * library would outweigh the parts). 24-unit strokes in the style of Lucide (ISC); each is
 * decorative (`aria-hidden`): the button around it carries the name.
 */
import type * as React from 'react';

type IconProps = React.ComponentProps<'svg'>;

// One path per icon (a shape's outline written as path commands): each icon is two elements, which a
// message row of several icon buttons pays for on every first render.
function Icon({ d, fill, ...props }: IconProps & { d: string }) {
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

export const CopyIcon = (props: IconProps) => (
  <Icon
    {...props}
    d="M11 9h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2h-8a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2Z M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1"
  />
);

export const CheckIcon = (props: IconProps) => <Icon {...props} d="M20 6 9 17l-5-5" />;

export const RegenerateIcon = (props: IconProps) => (
  <Icon {...props} d="M3 12a9 9 0 0 1 15-6.7L21 8 M21 3v5h-5 M21 12a9 9 0 0 1-15 6.7L3 16 M8 16H3v5" />
);

export const EditIcon = (props: IconProps) => (
  <Icon {...props} d="M12 20h9 M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4Z" />
);

export const DeleteIcon = (props: IconProps) => (
  <Icon
    {...props}
    d="M3 6h18 M19 6v14a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V6 M8 6V4a2 2 0 0 1 2-2h4a2 2 0 0 1 2 2v2"
  />
);

export const InfoIcon = (props: IconProps) => (
  <Icon {...props} d="M2 12a10 10 0 1 0 20 0a10 10 0 1 0-20 0Z M12 16v-4 M12 8h.01" />
);

export const ChevronRightIcon = (props: IconProps) => <Icon {...props} d="m9 18 6-6-6-6" />;

export const ChevronLeftIcon = (props: IconProps) => <Icon {...props} d="m15 18-6-6 6-6" />;

export const ArrowUpIcon = (props: IconProps) => <Icon {...props} d="m5 12 7-7 7 7 M12 19V5" />;

export const ArrowDownIcon = (props: IconProps) => <Icon {...props} d="M12 5v14 m19 12-7 7-7-7" />;

export const StopIcon = (props: IconProps) => (
  <Icon
    {...props}
    d="M8 6h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2h-8a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2Z"
    fill="currentColor"
  />
);

export const AttachIcon = (props: IconProps) => (
  <Icon
    {...props}
    d="m21.4 11-8.6 8.6a5.5 5.5 0 0 1-7.8-7.8l8.6-8.6a3.7 3.7 0 0 1 5.2 5.2l-8.6 8.6a1.8 1.8 0 0 1-2.6-2.6l8-8"
  />
);

export const MicIcon = (props: IconProps) => (
  <Icon
    {...props}
    d="M12 2h0a3 3 0 0 1 3 3v6a3 3 0 0 1-3 3h-0a3 3 0 0 1-3-3v-6a3 3 0 0 1 3-3Z M19 10v2a7 7 0 0 1-14 0v-2 M12 19v3"
  />
);

export const CloseIcon = (props: IconProps) => <Icon {...props} d="M18 6 6 18 m6 6 12 12" />;

export const SparkleIcon = (props: IconProps) => (
  <Icon
    {...props}
    d="M12 3 13.9 8.1 19 10l-5.1 1.9L12 17l-1.9-5.1L5 10l5.1-1.9Z M19 15.5 19.8 17.2 21.5 18l-1.7.8-.8 1.7-.8-1.7-1.7-.8 1.7-.8Z"
  />
);

export const ToolIcon = (props: IconProps) => (
  <Icon
    {...props}
    d="M14.7 6.3a1 1 0 0 0 0 1.4l1.6 1.6a1 1 0 0 0 1.4 0l3.8-3.8a6 6 0 0 1-7.9 7.9l-6.9 6.9a2.1 2.1 0 0 1-3-3l6.9-6.9a6 6 0 0 1 7.9-7.9Z"
  />
);

export const AlertIcon = (props: IconProps) => (
  <Icon {...props} d="M2 12a10 10 0 1 0 20 0a10 10 0 1 0-20 0Z M12 8v4 M12 16h.01" />
);
