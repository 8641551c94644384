"""Attachments on S3-compatible storage (FRONTDESK_S3_BUCKET), for a desk on several machines.
S3 itself cannot run here: moto stands in for it behind botocore; everything of ours is real."""

from __future__ import annotations

from collections.abc import Iterator

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from moto import mock_aws
from pytest_django import Settings

from frontdesk.cli.backup import _stored_files
from frontdesk.config.env import EnvReader, s3_storage
from frontdesk.tickets.models import Attachment
from tests import factories

pytestmark = pytest.mark.django_db
BUCKET = "desk-files"
REGION = "eu-central-1"


@pytest.fixture
def bucket(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "test")
    with mock_aws():
        client = boto3.client("s3", region_name=REGION)
        client.create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION}
        )
        reader = EnvReader({"FRONTDESK_S3_REGION": REGION, "FRONTDESK_S3_PREFIX": "/files/"})
        settings.STORAGES = {**settings.STORAGES, "default": s3_storage(reader, BUCKET)}
        assert reader.problems == []
        yield client


def test_an_attachment_goes_to_the_bucket_and_comes_back_to_the_agent(bucket) -> None:  # type: ignore[no-untyped-def]
    photo = b"\x89PNG\r\n\x1a\n" + b"pixels" * 500
    ticket = factories.ticket(files=[SimpleUploadedFile("broken.png", photo, "image/png")])
    attachment = Attachment.objects.get(message__ticket=ticket)
    keys = [item["Key"] for item in bucket.list_objects_v2(Bucket=BUCKET)["Contents"]]
    assert keys == [f"files/{attachment.file.name}"]
    acl = bucket.get_object_acl(Bucket=BUCKET, Key=keys[0])
    assert all(grant["Grantee"].get("URI") is None for grant in acl["Grants"])  # not public

    client = Client()
    client.force_login(factories.agent())
    response = client.get(reverse("tickets:attachment", args=[attachment.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == photo  # type: ignore[attr-defined]

    # The backup reads the same storage: the file is listed by its name in the bucket.
    assert list(_stored_files()) == [attachment.file.name]


def test_a_bucket_without_the_s3_extra_is_named_as_the_problem(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "storages" else real(name)
    )
    reader = EnvReader({})
    s3_storage(reader, BUCKET)
    assert reader.problems == [
        "FRONTDESK_S3_BUCKET is set but django-storages is not installed: "
        "pip install 'frontdesk[s3]'."
    ]
