// Template: a labelable server blueprint (API reference §4.1-§4.2): generic image (immutable), run
// list, cookbook versions (Supermarket constraints or uploaded CookbookVersions), configuration
// attributes, and boot/operational/shutdown scripts in order; compiled after each change.
import type { Construct } from 'constructs';
import type { SpecValue, TemplateScriptSpec } from '../../spec/spec';
import { ImcoObject, type ImcoObjectProps } from '../../constructs/imco-object';
import { jsonProblem, type IdLike } from '../../constructs/validation';
import { COOKBOOK_NAME, CookbookVersion } from '../cookbook-version/construct';
import { Script } from '../script/construct';

/** A script in one of the template's lists, with the values of its parameters. */
export interface TemplateScript {
  readonly script: Script;
  /** Values of the script's parameters. @default {} */
  readonly parameterValues?: Readonly<Record<string, string>>;
}

export type TemplateScriptType = 'boot' | 'operational' | 'shutdown';

export interface TemplateProps extends ImcoObjectProps {
  readonly name: string;
  /** The OS image the template builds on (immutable: a change replaces the template). */
  readonly genericImage: IdLike;
  /** Chef run list, e.g. `['recipe[nginx]']`. @default [] */
  readonly runList?: readonly string[];
  /**
   * Cookbooks by name: a Supermarket version constraint (`'~> 1.2'`, `'= 2.0.1'`, `'1.2.3'`) or an
   * uploaded CookbookVersion.
   * @default {}
   */
  readonly cookbookVersions?: Readonly<Record<string, string | CookbookVersion>>;
  /** Attributes for the cookbooks (a JSON object). @default {} */
  readonly configurationAttributes?: Readonly<Record<string, unknown>>;
  /** Scripts run at boot, in order. @default [] */
  readonly bootScripts?: readonly TemplateScript[];
  /** Scripts servers can execute on demand, in order. @default [] */
  readonly operationalScripts?: readonly TemplateScript[];
  /** Scripts run at shutdown, in order. @default [] */
  readonly shutdownScripts?: readonly TemplateScript[];
  /** Compile the template after each change and wait until it is ready. @default true */
  readonly compile?: boolean;
}

const CONSTRAINT = /^\s*(~>|>=|<=|=|>|<)?\s*(\d+(?:\.\d+){0,2})\s*$/;

/** `'~>1.2'` → `'~> 1.2'`; a bare version pins it (`'= 1.2.3'`); undefined when not a constraint. */
export function normaliseConstraint(text: string): string | undefined {
  const m = CONSTRAINT.exec(text);
  return m ? `${m[1] ?? '='} ${m[2]}` : undefined;
}

/** An IMCO template. */
export class Template extends ImcoObject {
  private readonly scriptLists: Readonly<Record<TemplateScriptType, readonly Script[]>>;

  constructor(scope: Construct, id: string, props: TemplateProps) {
    super(scope, id, 'template', props);
    this.checkName(props.name);

    const runList = Array.isArray(props.runList) ? [...props.runList] : [];
    if (props.runList !== undefined && !Array.isArray(props.runList)) this.problem('runList must be an array of run list items');
    runList.forEach((item, i) => {
      if (typeof item !== 'string' || item.trim() === '') this.problem(`runList[${i}] must be a non-empty run list item such as 'recipe[nginx]'`);
    });

    const cookbooks: Record<string, SpecValue> = {};
    for (const [name, version] of Object.entries(props.cookbookVersions ?? {})) {
      const at = `cookbookVersions['${name}']`;
      if (!COOKBOOK_NAME.test(name)) this.problem(`${at}: cookbook names may only contain letters, digits, _ and -`);
      if (version instanceof CookbookVersion) {
        if (version.nameFromMetadata && version.cookbookName !== name) {
          this.problem(`${at} is cookbook version '${version.objectPath}', whose metadata names it '${version.cookbookName}'; use the key '${version.cookbookName}'`);
        }
        const ref = this.refTo(version, at, CookbookVersion, 'CookbookVersion');
        if (ref) cookbooks[name] = { version_id: ref };
      } else if (typeof version === 'string') {
        const constraint = normaliseConstraint(version);
        if (constraint === undefined) {
          this.problem(`${at}: '${version}' is not a version constraint; write e.g. '~> 1.2', '>= 2.0' or '1.2.3' (operators ~>, =, >=, <=, >, <)`);
        } else {
          cookbooks[name] = { version: constraint };
        }
      } else {
        this.problem(`${at} must be a version constraint string or a CookbookVersion construct`);
      }
    }

    const attributes = props.configurationAttributes ?? {};
    if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) {
      this.problem('configurationAttributes must be a JSON object');
    } else {
      this.problemIf(jsonProblem(attributes, 'configurationAttributes'));
    }

    const lists: Record<TemplateScriptType, Script[]> = { boot: [], operational: [], shutdown: [] };
    const scripts: Record<TemplateScriptType, TemplateScriptSpec[]> = { boot: [], operational: [], shutdown: [] };
    const given: Record<TemplateScriptType, readonly TemplateScript[] | undefined> = {
      boot: props.bootScripts,
      operational: props.operationalScripts,
      shutdown: props.shutdownScripts,
    };
    for (const type of ['boot', 'operational', 'shutdown'] as const) {
      (given[type] ?? []).forEach((entry, i) => {
        const at = `${type}Scripts[${i}]`;
        const ref = this.refTo(entry?.script, `${at}.script`, Script, 'Script');
        if (!ref) return;
        const script = entry.script;
        const values = entry.parameterValues ?? {};
        for (const [param, value] of Object.entries(values)) {
          if (!script.parameters.includes(param)) {
            this.problem(
              `${at}.parameterValues: script '${script.objectPath}' has no parameter '${param}' (its parameters: ${script.parameters.join(', ') || 'none'})`,
            );
          }
          if (typeof value !== 'string') this.problem(`${at}.parameterValues['${param}'] must be a string`);
        }
        lists[type].push(script);
        scripts[type].push({ script: ref, parameterValues: { ...values } });
      });
    }
    this.scriptLists = lists;
    if (props.compile !== undefined && typeof props.compile !== 'boolean') this.problem('compile must be true or false');

    this.encode({
      fields: {
        name: props.name,
        generic_image_id: this.idField(props.genericImage, 'genericImage', 'generic image'),
        configuration_attributes: attributes as SpecValue,
        run_list: runList,
        cookbook_versions: cookbooks,
      },
      extras: { scripts, compile: props.compile ?? true },
    });
  }

  /** The scripts of one of the template's lists, in order. */
  scriptsOf(type: TemplateScriptType): readonly Script[] {
    return this.scriptLists[type];
  }
}
