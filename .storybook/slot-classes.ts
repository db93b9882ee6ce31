// After each story's `play`, in the state it left: no part without its theme class.
import { afterEach } from 'vitest';
import { expectEveryPartStyled } from '../packages/ui/src/__fixtures__/part-classes.ts';

afterEach(() => expectEveryPartStyled());
