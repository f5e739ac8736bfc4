"""template.yaml: valid, least-privilege, and in step with the code that runs under it."""

import copy
import os

import boto3
import pytest
from cfnlint.api import lint
from samtranslator.translator.transform import transform

import settings
from adapters.store import DEFAULT_TTL_DAYS, KEY_ATTRIBUTE, MAX_TTL_DAYS, TTL_ATTRIBUTE
from devtools.stack import (
    LOCAL_TABLE_NAME,
    REPO_ROOT,
    create_table,
    dynamodb_endpoint,
    load_template,
    table_definition,
)

BASIC_EXECUTION_ROLE = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000"
TABLE_ARN = {"Fn::GetAtt": ["UserStateTable", "Arn"]}
KMS_KEY_ARN = "arn:aws:kms:eu-west-1:123456789012:key/0f0e0d0c-0000-4000-8000-000000000000"


class KnownManagedPolicies:
    """Stands in for the IAM lookup `sam deploy` makes for managed policy names."""

    def load(self):
        return {"AWSLambdaBasicExecutionRole": BASIC_EXECUTION_ROLE}


@pytest.fixture(scope="module")
def translated(template):
    packaged = copy.deepcopy(template)
    # `sam package` replaces the local code path by an S3 location before the transform.
    packaged["Resources"]["SkillFunction"]["Properties"]["CodeUri"] = "s3://artifacts/skill.zip"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AWS_DEFAULT_REGION", "eu-west-1")
        return transform(
            packaged, {"SkillId": SKILL_ID, "UserKeyKmsKeyArn": KMS_KEY_ARN}, KnownManagedPolicies()
        )


def resources_of_type(cfn, type_name):
    return [r for r in cfn["Resources"].values() if r["Type"] == type_name]


def only_resource(cfn, type_name):
    [resource] = resources_of_type(cfn, type_name)
    return resource


@pytest.fixture(scope="module")
def function(template):
    return template["Resources"]["SkillFunction"]


@pytest.fixture(scope="module")
def table(template):
    return only_resource(template, "AWS::DynamoDB::Table")


def test_cfn_lint_finds_no_errors_or_warnings():
    matches = lint((REPO_ROOT / "template.yaml").read_text(encoding="utf-8"))

    assert [str(match) for match in matches] == []


def test_the_sam_transform_produces_the_function_its_role_and_the_alexa_permission(
    translated,
):
    types = sorted(resource["Type"] for resource in translated["Resources"].values())

    assert types == [
        "AWS::CloudWatch::Alarm",
        "AWS::CloudWatch::Alarm",
        "AWS::CloudWatch::Alarm",
        "AWS::DynamoDB::Table",
        "AWS::IAM::Role",
        "AWS::Lambda::Alias",
        "AWS::Lambda::Function",
        "AWS::Lambda::Permission",
        "AWS::Lambda::Version",
        "AWS::Logs::LogGroup",
        "AWS::SecretsManager::Secret",
    ]


def test_snapstart_restores_the_published_versions_behind_the_live_alias(function, translated):
    properties = function["Properties"]
    assert properties["AutoPublishAlias"] == "live"
    assert properties["SnapStart"] == {"ApplyOn": "PublishedVersions"}
    version = only_resource(translated, "AWS::Lambda::Function")["Properties"]
    assert version["SnapStart"] == {"ApplyOn": "PublishedVersions"}
    alias = only_resource(translated, "AWS::Lambda::Alias")["Properties"]
    assert alias["Name"] == "live"


def role_statements(translated):
    role = only_resource(translated, "AWS::IAM::Role")["Properties"]
    return {
        statement["Sid"]: statement
        for policy in role["Policies"]
        for statement in policy["PolicyDocument"]["Statement"]
    }


def test_p3_the_role_may_only_get_update_and_delete_items_of_the_state_table(translated):
    statements = role_statements(translated)

    assert sorted(statements) == [
        "OwnLogGroup",
        "UserKeyDecrypt",
        "UserKeySecret",
        "UserStateItems",
    ]
    assert {statement["Effect"] for statement in statements.values()} == {"Allow"}
    items = statements["UserStateItems"]
    assert sorted(items["Action"]) == [
        "dynamodb:DeleteItem",
        "dynamodb:GetItem",
        "dynamodb:UpdateItem",
    ]
    assert items["Resource"] == TABLE_ARN


def test_the_role_has_no_managed_policy_so_it_cannot_write_other_log_groups(translated):
    role = only_resource(translated, "AWS::IAM::Role")["Properties"]
    logs = role_statements(translated)["OwnLogGroup"]

    assert "ManagedPolicyArns" not in role
    assert sorted(logs["Action"]) == ["logs:CreateLogStream", "logs:PutLogEvents"]
    assert logs["Resource"] == {"Fn::GetAtt": ["SkillLogGroup", "Arn"]}


def test_the_function_logs_to_its_own_group_which_keeps_logs_for_the_configured_days(
    function, template
):
    log_group = template["Resources"]["SkillLogGroup"]

    assert function["Properties"]["LoggingConfig"] == {"LogGroup": {"Ref": "SkillLogGroup"}}
    assert log_group["Properties"]["RetentionInDays"] == {"Ref": "LogRetentionDays"}
    assert log_group["DeletionPolicy"] == "Delete"


def test_the_user_key_is_read_from_one_secret_decrypted_with_one_key_through_secrets_manager(
    translated,
):
    statements = role_statements(translated)
    secret, decrypt = statements["UserKeySecret"], statements["UserKeyDecrypt"]

    assert secret["Action"] == "secretsmanager:GetSecretValue"
    assert secret["Resource"] == {"Ref": "UserKeySecret"}
    assert decrypt["Action"] == "kms:Decrypt"
    assert decrypt["Resource"] == {"Ref": "UserKeyKmsKeyArn"}
    assert decrypt["Condition"] == {
        "StringEquals": {
            "kms:ViaService": {"Fn::Sub": "secretsmanager.${AWS::Region}.amazonaws.com"}
        }
    }


def test_the_user_key_is_generated_by_the_stack_encrypted_with_its_key_and_kept(template):
    """Generated, never typed into a parameter; retained, as the retained table needs it."""
    secret = template["Resources"]["UserKeySecret"]

    assert secret["Type"] == "AWS::SecretsManager::Secret"
    assert secret["Properties"]["KmsKeyId"] == {"Ref": "UserKeyKmsKeyArn"}
    assert secret["Properties"]["GenerateSecretString"]["PasswordLength"] >= 32
    assert "SecretString" not in secret["Properties"]
    assert secret["DeletionPolicy"] == secret["UpdateReplacePolicy"] == "Retain"


def test_the_function_environment_names_the_secret_and_holds_no_secret(function, template):
    variables = function["Properties"]["Environment"]["Variables"]

    assert variables["USER_KEY_SECRET_ID"] == {"Ref": "UserKeySecret"}
    assert "UserKeySecret" not in template["Parameters"]
    assert not [v for v in variables.values() if isinstance(v, str) and len(v) >= 32]


def test_concurrency_is_reserved_so_a_flood_is_throttled_at_the_skill(function, template):
    assert function["Properties"]["ReservedConcurrentExecutions"] == {"Ref": "ReservedConcurrency"}
    assert template["Parameters"]["ReservedConcurrency"]["MinValue"] >= 1


@pytest.mark.parametrize(
    ("metric", "statistic", "threshold"),
    [("Errors", "Sum", 1), ("Throttles", "Sum", 1), ("Duration", "Maximum", 6000)],
)
def test_alarms_watch_errors_throttles_and_durations_near_the_timeout_of_the_live_alias(
    template, function, metric, statistic, threshold
):
    alarms = [
        resource["Properties"]
        for resource in resources_of_type(template, "AWS::CloudWatch::Alarm")
        if resource["Properties"]["MetricName"] == metric
    ]

    [alarm] = alarms
    assert alarm["Namespace"] == "AWS/Lambda"
    assert (alarm["Statistic"], alarm["Threshold"]) == (statistic, threshold)
    assert alarm["ComparisonOperator"] == "GreaterThanOrEqualToThreshold"
    assert {"Name": "Resource", "Value": {"Fn::Sub": "${SkillFunction}:live"}} in alarm[
        "Dimensions"
    ]
    if metric == "Duration":
        assert threshold < function["Properties"]["Timeout"] * 1000


def test_no_permission_uses_a_wildcard_action(translated):
    role = only_resource(translated, "AWS::IAM::Role")["Properties"]
    actions = [
        action
        for policy in role["Policies"]
        for statement in policy["PolicyDocument"]["Statement"]
        for action in statement["Action"]
    ]

    assert actions
    assert not [action for action in actions if "*" in action]


def test_only_the_configured_alexa_skill_may_invoke_the_function(translated):
    permission = only_resource(translated, "AWS::Lambda::Permission")["Properties"]

    assert permission["Principal"] == "alexa-appkit.amazon.com"
    assert permission["EventSourceToken"] == {"Ref": "SkillId"}
    # Alexa invokes the alias, so every request meets a published, SnapStart-restored version.
    assert permission["FunctionName"] == {"Ref": "SkillFunctionAliaslive"}


def test_the_function_runs_the_skill_code_root_on_arm64_within_alexas_time_limit(function):
    properties = function["Properties"]
    version = properties["Runtime"].removeprefix("python")

    assert properties["CodeUri"] == "skill/"
    assert properties["Handler"] == "app.lambda_handler"
    assert properties["Runtime"].startswith("python")
    assert tuple(map(int, version.split("."))) >= (3, 11)
    assert properties["Architectures"] == ["arm64"]
    assert properties["Timeout"] == 7
    assert properties["MemorySize"] == 256


def test_the_function_sets_exactly_the_environment_variables_the_code_reads(function):
    variables = function["Properties"]["Environment"]["Variables"]

    assert set(variables) == settings.ENV_VARS


def test_the_function_finds_the_state_table_by_its_generated_name(function):
    assert function["Properties"]["Environment"]["Variables"]["TABLE_NAME"] == {
        "Ref": "UserStateTable"
    }


def test_the_table_is_keyed_by_the_user_key_attribute_alone(table):
    properties = table["Properties"]

    assert properties["KeySchema"] == [{"AttributeName": KEY_ATTRIBUTE, "KeyType": "HASH"}]
    assert properties["AttributeDefinitions"] == [
        {"AttributeName": KEY_ATTRIBUTE, "AttributeType": "S"}
    ]
    assert properties["BillingMode"] == "PAY_PER_REQUEST"


def test_p3_the_table_is_encrypted_at_rest(table):
    assert table["Properties"]["SSESpecification"] == {"SSEEnabled": True}


def test_the_table_has_point_in_time_recovery(table):
    pitr = table["Properties"]["PointInTimeRecoverySpecification"]

    assert pitr["PointInTimeRecoveryEnabled"] is True


def test_p9_the_table_expires_items_by_the_stores_ttl_attribute(table):
    assert table["Properties"]["TimeToLiveSpecification"] == {
        "AttributeName": TTL_ATTRIBUTE,
        "Enabled": True,
    }


def test_the_table_survives_stack_deletion_and_replacement(table):
    assert (table["DeletionPolicy"], table["UpdateReplacePolicy"]) == ("Retain", "Retain")


def test_p9_the_state_ttl_parameter_cannot_exceed_three_years(template):
    parameter = template["Parameters"]["StateTtlDays"]

    assert parameter["MinValue"] == 1
    assert parameter["MaxValue"] == MAX_TTL_DAYS
    assert parameter["Default"] == DEFAULT_TTL_DAYS


@pytest.mark.parametrize(
    ("name", "default"),
    [
        ("AccountApiBaseUrl", ""),
        ("PrivacyPolicyVersion", "2019-06-01"),
        ("DefaultTimeZone", "Europe/Moscow"),
        ("LogRetentionDays", 90),
        ("AlarmTopicArn", ""),
    ],
)
def test_optional_parameters_have_their_documented_defaults(template, name, default):
    assert template["Parameters"][name]["Default"] == default


def test_the_outputs_give_the_skill_endpoint_and_the_table_name(template):
    outputs = template["Outputs"]

    assert outputs["SkillFunctionArn"]["Value"] == {"Ref": "SkillFunction.Alias"}
    assert outputs["UserStateTableName"]["Value"] == {"Ref": "UserStateTable"}


def test_the_test_table_is_created_from_the_templates_key_schema_and_ttl(dynamodb_table, template):
    client, table_name = dynamodb_table

    description = client.describe_table(TableName=table_name)["Table"]
    ttl = client.describe_time_to_live(TableName=table_name)["TimeToLiveDescription"]

    assert description["KeySchema"] == table_definition(template)["KeySchema"]
    assert ttl == {"TimeToLiveStatus": "ENABLED", "AttributeName": TTL_ATTRIBUTE}


def test_creating_the_table_again_is_harmless(dynamodb_table, template):
    client, table_name = dynamodb_table

    create_table(client, table_name, template)

    assert client.describe_table(TableName=table_name)["Table"]["TableStatus"] == "ACTIVE"


def test_the_template_loader_reads_short_form_intrinsics_as_their_long_form(tmp_path):
    path = tmp_path / "template.yaml"
    path.write_text(
        "A: !Ref Table\nB: !GetAtt Table.Arn\nC: !Sub '${AWS::StackName}-x'\nD: !If [c, 1, 2]\n",
        encoding="utf-8",
    )

    assert load_template(path) == {
        "A": {"Ref": "Table"},
        "B": {"Fn::GetAtt": ["Table", "Arn"]},
        "C": {"Fn::Sub": "${AWS::StackName}-x"},
        "D": {"Fn::If": ["c", 1, 2]},
    }


def test_the_embedded_stack_uses_the_endpoint_the_developer_configured(moto_server, monkeypatch):
    monkeypatch.setenv("AWS_ENDPOINT_URL_DYNAMODB", moto_server)
    monkeypatch.setenv("TABLE_NAME", "developer-table")

    with dynamodb_endpoint() as url:
        client = boto3.client("dynamodb")
        tables = client.list_tables()["TableNames"]
        client.delete_table(TableName="developer-table")

    assert url == moto_server
    assert "developer-table" in tables


def test_without_an_endpoint_or_credentials_the_embedded_stack_starts_moto(monkeypatch):
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    monkeypatch.delenv("AWS_SECRET_ACCESS_KEY")

    with dynamodb_endpoint() as url:
        exported = os.environ["AWS_ENDPOINT_URL_DYNAMODB"]
        client = boto3.client("dynamodb")
        tables = client.list_tables()["TableNames"]
        client.delete_table(TableName=LOCAL_TABLE_NAME)

    assert url == exported
    assert url.startswith("http://127.0.0.1:")
    assert LOCAL_TABLE_NAME in tables
    assert "AWS_ENDPOINT_URL_DYNAMODB" not in os.environ
    assert "AWS_ACCESS_KEY_ID" not in os.environ
